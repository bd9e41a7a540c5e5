import {makeProject} from '@motion-canvas/core';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/jetbrains-mono/400.css';
import dense from './dense?scene';

/** Every animation, in the order the post embeds them. Names match the output files. */
export default makeProject({
  scenes: [dense],
  variables: {theme: 'light'},
});
