/**
 * The test-only scenes (test/fixtures/scenes), built into the render page only when
 * RENDER_TEST_SCENES=1 so the renderer's error paths can be exercised. Real renders
 * and the editor never see them.
 */
import type {Plugin} from 'vite';
import {ANIMATIONS, type AnimationName, isTestAnimation, testAnimationNames} from '../animations/registry';

export const TEST_SCENES = ['faulty'] as const;
/** Test scenes only the editor has: they draw test records (testRecords.ts), which only the editor computes. */
export const EDITOR_TEST_SCENES = ['probe'] as const;
export type TestSceneName = (typeof TEST_SCENES)[number];
/** What a render can be asked for: an animation, or a fixture in the test suite. */
export type SceneName = AnimationName | TestSceneName;

export function isTestScene(name: string): name is TestSceneName {
  return (TEST_SCENES as readonly string[]).includes(name);
}

export function testScenesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RENDER_TEST_SCENES === '1';
}

/** The scenes in the editor's timeline: the animations, and with RENDER_TEST_SCENES=1 the test scenes (its own ones too). */
export function editorScenes(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return testScenesEnabled(env) ? [...ANIMATIONS, ...TEST_SCENES, ...EDITOR_TEST_SCENES] : ANIMATIONS;
}

const ID = 'virtual:test-scenes';
const RESOLVED = '\0' + ID;

/** `virtual:test-scenes`: the fixture scenes when enabled (in the editor, its own ones too), an empty list otherwise. */
export function testScenesPlugin(): Plugin {
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'four-dl-layers:test-scenes',
    configResolved(config) {
      command = config.command;
    },
    resolveId: id => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Test animations (TEST_ANIMATIONS=1) are animations: their scenes come first, in the registry's order.
      const fixtures = testScenesEnabled() ? (command === 'serve' ? [...TEST_SCENES, ...EDITOR_TEST_SCENES] : TEST_SCENES) : [];
      const names = [...testAnimationNames(), ...fixtures];
      const imports = names.map((name, i) => `import scene${i} from '/test/fixtures/scenes/${name}.tsx?scene';`);
      return `${imports.join('\n')}\nexport default [${names.map((_, i) => `scene${i}`).join(', ')}];`;
    },
  };
}

/** Whether the scene's file is a test fixture (test/fixtures/scenes) rather than scenes/. */
export function isFixtureScene(name: string): boolean {
  return isTestScene(name) || (EDITOR_TEST_SCENES as readonly string[]).includes(name) || isTestAnimation(name);
}
