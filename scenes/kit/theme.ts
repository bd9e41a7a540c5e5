/**
 * The one place a scene's theme comes from: the project variable `theme` (the renderer sets
 * it; the editor defaults to light). Components read it themselves when not given one, so
 * scenes do not thread it through every node.
 */
import {useScene} from '@motion-canvas/core';
import {type Theme, themeFor} from '../../src/shared/theme';

/** The theme of the scene being built (call it while the scene runs). */
export function sceneTheme(): Theme {
  return themeFor(useScene().variables.get('theme', 'light')());
}

/** Props of a node drawn in the theme: an explicit one wins, else the scene's. */
export interface Themed {
  theme?: Theme;
}

/** The theme a component draws in: the one it was given, else the scene's. */
export function themeOf(props: Themed): Theme {
  return props.theme ?? sceneTheme();
}
