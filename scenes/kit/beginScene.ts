/**
 * How every scene starts: the theme's background, and the title line first in the view,
 * under everything the scene adds after it.
 */
import type {View2D} from '@motion-canvas/2d';
import './colourMixing';
import {StepTitle} from './StepTitle';
import {sceneTheme} from './theme';

/** Fills the background and adds the title line (at the usual height unless `titleY` is given); returns the title. */
export function beginScene(view: View2D, titleY?: number): StepTitle {
  view.fill(sceneTheme().background);
  const title = new StepTitle(titleY === undefined ? {} : {y: titleY});
  view.add(title);
  return title;
}
