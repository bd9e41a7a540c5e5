/**
 * The animations' order comes from the positions their folders declare: the post's five GIFs as it
 * embeds them, then the figures it asks for. Both runtimes derive it with namesByPosition: Node from
 * its folder scan, the browser from import.meta.glob keys (`../src/animations/<name>/browser.ts`).
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {namesByPosition} from '../src/animations/order';
import {ANIMATIONS, ANIMATIONS_DIR} from '../src/animations/registry';

describe('namesByPosition', () => {
  it('sorts by position, whatever order the folders are found in', () => {
    expect(namesByPosition({c: 3, a: 1, b: 2})).toEqual(['a', 'b', 'c']);
    expect(namesByPosition({b: 20, a: 7})).toEqual(['a', 'b']);
  });

  it('takes glob keys, as the browser has them', () => {
    expect(namesByPosition({'../src/animations/conv/browser.ts': 2, '../src/animations/dense/browser.ts': 1})).toEqual(['dense', 'conv']);
  });

  it('refuses two folders at one position, naming both', () => {
    expect(() => namesByPosition({dense: 1, conv: 1})).toThrow('animations dense and conv both take position 1; give each its own');
  });

  it('refuses a position that is not a whole number from 1', () => {
    expect(() => namesByPosition({dense: 0})).toThrow('animation dense: POSITION must be a whole number from 1, got 0');
    expect(() => namesByPosition({dense: 1.5})).toThrow('animation dense: POSITION must be a whole number from 1, got 1.5');
  });
});

describe('the registry', () => {
  it('holds every folder under src/animations, and only those', () => {
    const folders = readdirSync(ANIMATIONS_DIR, {withFileTypes: true})
      .filter(e => e.isDirectory())
      .map(e => e.name);
    expect([...ANIMATIONS].sort()).toEqual(folders.sort());
  });

  it("agrees with the browser's order: the same folders' browser.ts positions, keyed as import.meta.glob keys them", async () => {
    const positions: Record<string, number> = {};
    for (const name of ANIMATIONS)
      positions[`../src/animations/${name}/browser.ts`] = (await import(join(ANIMATIONS_DIR, name, 'browser.ts'))).POSITION;
    expect(namesByPosition(positions)).toEqual(ANIMATIONS);
  });

  it('has one scene per animation, and scenes/ holds no other .tsx (the project globs them all as scenes)', () => {
    const scenes = readdirSync(join(ANIMATIONS_DIR, '../../scenes')).filter(file => file.endsWith('.tsx'));
    expect(scenes.sort()).toEqual(ANIMATIONS.map(name => `${name}.tsx`).sort());
  });

  it("starts with the post's five GIFs in the order the post embeds them", () => {
    expect(ANIMATIONS.slice(0, 5)).toEqual(['dense', 'conv', 'recurr', 'seq2seq', 'attention']);
  });
});
