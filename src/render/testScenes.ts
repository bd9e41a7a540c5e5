/**
 * The test-only scenes (test/fixtures/scenes), built into the render page only when
 * RENDER_TEST_SCENES=1 so the renderer's error paths can be exercised. Real renders
 * and the editor never see them.
 */
import type {Plugin} from 'vite';
import type {AnimationName} from '../records';

export const TEST_SCENES = ['faulty'] as const;
export type TestSceneName = (typeof TEST_SCENES)[number];
/** What a render can be asked for: an animation, or a fixture in the test suite. */
export type SceneName = AnimationName | TestSceneName;

export function isTestScene(name: string): name is TestSceneName {
  return (TEST_SCENES as readonly string[]).includes(name);
}

export function testScenesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RENDER_TEST_SCENES === '1';
}

const ID = 'virtual:test-scenes';
const RESOLVED = '\0' + ID;

/** `virtual:test-scenes`: the fixture scenes when enabled, an empty list otherwise. */
export function testScenesPlugin(): Plugin {
  return {
    name: 'four-dl-layers:test-scenes',
    resolveId: id => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!testScenesEnabled()) return 'export default [];';
      const imports = TEST_SCENES.map((name, i) => `import scene${i} from '/test/fixtures/scenes/${name}.tsx?scene';`);
      return `${imports.join('\n')}\nexport default [${TEST_SCENES.map((_, i) => `scene${i}`).join(', ')}];`;
    },
  };
}
