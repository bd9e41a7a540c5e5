/**
 * The registry: every folder under src/animations/ is an animation, found by scanning, so adding
 * a figure edits no list. Test-only animations in test/fixtures/animations/ join them when
 * TEST_ANIMATIONS=1. Node only (it reads the folders); the browser lists the same folders with
 * `import.meta.glob` (scenes/project.ts) and orders them with the same `namesByPosition`.
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import type {AnimationDefinition} from './define';
import {namesByPosition} from './order';
import type {ActivationRecords, AnimationName} from './types';

export type {ActivationRecords, AnimationName, AnimationParams} from './types';
export type {AnimationDefinition} from './define';

export const ANIMATIONS_DIR = join(PROJECT_ROOT, 'src', 'animations');
export const TEST_ANIMATIONS_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'animations');

export function testAnimationsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TEST_ANIMATIONS === '1';
}

function foldersIn(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name);
}

const testFolders = testAnimationsEnabled() ? foldersIn(TEST_ANIMATIONS_DIR) : [];

// Template-literal imports, so esbuild (vite's config bundle) bundles every folder's definition.
const found: AnimationDefinition[] = [
  ...(await Promise.all(foldersIn(ANIMATIONS_DIR).map(async folder => checked(folder, (await import(`./${folder}/index.ts`)).default)))),
  ...(await Promise.all(
    testFolders.map(async folder => checked(folder, (await import(`../../test/fixtures/animations/${folder}/index.ts`)).default)),
  )),
];

function checked(folder: string, definition: AnimationDefinition | undefined): AnimationDefinition {
  if (definition?.name !== folder) {
    throw new Error(
      `src/animations/${folder}/index.ts must default-export defineAnimation({name: '${folder}', …}); got ${definition ? `name '${definition.name}'` : 'no default export'}`,
    );
  }
  return definition;
}

const byName = new Map(found.map(definition => [definition.name, definition]));

/** Every animation, in the post's order: its five GIFs as it embeds them, then the figures it asks for. */
export const ANIMATIONS = namesByPosition(Object.fromEntries(found.map(d => [d.name, d.position]))) as readonly AnimationName[];

export function isAnimationName(name: string): name is AnimationName {
  return byName.has(name as AnimationName);
}

const testNames = ANIMATIONS.filter(name => testFolders.includes(name));

/** The test-only animations (test/fixtures/animations) in order, when TEST_ANIMATIONS=1; none otherwise. */
export function testAnimationNames(): readonly AnimationName[] {
  return testNames;
}

export function isTestAnimation(name: string): boolean {
  return testNames.includes(name as AnimationName);
}

/** The definition of `name` (an AnimationName: check user input with isAnimationName first). */
export function animation<K extends AnimationName>(name: K): AnimationDefinition<K> {
  const definition = byName.get(name);
  if (!definition) throw new Error(`unknown animation "${name}"; the animations are: ${ANIMATIONS.join(', ')}`);
  return definition as unknown as AnimationDefinition<K>;
}

/** Validates a record of `name`; throws RecordError naming `source` and the field. */
export function validateRecord<K extends AnimationName>(name: K, json: unknown, source: string): ActivationRecords[K] {
  return animation(name).validate(json, source);
}
