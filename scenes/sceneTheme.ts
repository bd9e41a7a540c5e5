import {useScene} from '@motion-canvas/core';
import {type Theme, themeFor} from '../src/shared/theme';

/** The theme chosen by the project variable `theme` (the renderer sets it; the editor defaults to light). */
export function sceneTheme(): Theme {
  return themeFor(useScene().variables.get('theme', 'light')());
}
