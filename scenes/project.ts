import {makeProject} from '@motion-canvas/core';
import type {FullSceneDescription} from '@motion-canvas/core';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/600.css';
// →, √, ≈ and subscript digits, which those subsets lack (see the file).
import './mathFallback.css';
import {namesByPosition} from '../src/animations/order';
import testScenes from 'virtual:test-scenes';

// One folder per animation (src/animations/<name>/), ordered by the position each declares.
const ANIMATIONS = namesByPosition(import.meta.glob<number>('../src/animations/*/browser.ts', {import: 'POSITION', eager: true}));
// One scene file per animation, named after its output (scenes/dense.tsx → dense.gif).
const modules = import.meta.glob<FullSceneDescription>('./*.tsx', {query: '?scene', import: 'default', eager: true});

/** Every animation, in the order the post embeds them (plus test fixtures when RENDER_TEST_SCENES=1). */
export const scenes = [...ANIMATIONS.flatMap(name => modules[`./${name}.tsx`] ?? []), ...testScenes];

export default makeProject({
  scenes,
  variables: {theme: 'light'},
});
