/**
 * Every animation's record schema, table-driven over the registry: it accepts the record the
 * animation computes, as the very object it was given (so files keep their key order), and
 * refuses copies mutated at places found by walking the record itself, with one line that names
 * the file and the key path.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {ANIMATIONS, type AnimationName, validateRecord} from '../src/animations/registry';
import {ensureRecord} from '../src/store/recordStore';

type Key = string | number;
type Json = unknown;
interface Node {
  path: Key[];
  value: Json;
}

const FILE = 'record.json';

/** Every node of a JSON value, depth first, in key order. */
function* walk(value: Json, path: Key[] = []): Generator<Node> {
  yield {path, value};
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, [...path, i]);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) yield* walk(item, [...path, key]);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNumbers = (value: Json): value is number[] => Array.isArray(value) && value.length > 0 && value.every(v => typeof v === 'number');

/** The node the predicate picks that lies deepest: the first such in walk order, or the last with `last`. */
function deepest(record: Json, pick: (value: Json) => boolean, last = false): Node {
  const found = [...walk(record)].filter(node => node.path.length > 0 && pick(node.value));
  const depth = Math.max(...found.map(node => node.path.length));
  const atDepth = found.filter(node => node.path.length === depth);
  return atDepth[last ? atDepth.length - 1 : 0];
}

/** `units[0].weights`, as the messages spell a path. */
function spelled(path: Key[]): string {
  return path
    .map(key => (typeof key === 'number' ? `[${key}]` : `.${key}`))
    .join('')
    .replace(/^\./, '');
}

/** A deep copy of `record` with `edit` applied to the value at `path` (its parent and key). */
function mutated(record: Json, path: Key[], edit: (parent: Record<Key, Json>, key: Key) => void): Json {
  const copy = structuredClone(record);
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<Key, Json>)[key], copy);
  edit(parent as Record<Key, Json>, path[path.length - 1]);
  return copy;
}

/** The error `validateRecord` throws for `json`, or undefined when it accepts it. */
function refusal(name: AnimationName, json: Json): string | undefined {
  try {
    validateRecord(name, json, FILE);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The valid keys an unknown-key message lists, after checking its exact start. */
function listedKeys(message: string | undefined, path: Key[]): string[] {
  const start = `${FILE}: ${spelled([...path, 'bogus'])}: unknown key; valid keys: `;
  expect(message?.startsWith(start), message).toBe(true);
  return message!.slice(start.length).split(', ');
}

const records = new Map<AnimationName, Json>();
beforeAll(async () => {
  for (const name of ANIMATIONS) records.set(name, await ensureRecord(name));
});

describe.each(ANIMATIONS.map(name => [name]))('the %s record schema', name => {
  const record = () => records.get(name);

  it('accepts the computed record and returns that very object', () => {
    expect(validateRecord(name, record(), FILE)).toBe(record());
  });

  it('refuses another name', () => {
    expect(refusal(name, {...(record() as object), name: 'other'})).toBe(`${FILE}: name: expected "${name}", got "other"`);
  });

  it('refuses a string in place of its deepest number', () => {
    const {path} = deepest(record(), value => typeof value === 'number');
    expect(path.length).toBeGreaterThan(1);
    const bad = mutated(record(), path, (parent, key) => (parent[key] = 'x'));
    expect(refusal(name, bad)).toBe(`${FILE}: ${spelled(path)}: expected a finite number, got "x"`);
  });

  it('refuses its deepest vector of numbers one short (its length is fixed by the rest of the record)', () => {
    const {path, value} = deepest(record(), isNumbers, true);
    const length = (value as number[]).length;
    const bad = mutated(record(), path, (parent, key) => (parent[key] as number[]).pop());
    expect(refusal(name, bad)).toBe(`${FILE}: ${spelled(path)}: expected ${length} numbers, got ${length - 1}`);
  });

  it('refuses an unknown key at the top, naming it and every key a record may hold', () => {
    const keys = listedKeys(refusal(name, {...(record() as object), bogus: 1}), []);
    expect(keys).toEqual(expect.arrayContaining([...Object.keys(record() as object), 'sourceHash']));
    expect(keys.at(-1)).toBe('sourceHash');
  });

  it('refuses an unknown key in its deepest nested object, naming its path and the valid keys', () => {
    const {path, value} = deepest(record(), isObject);
    const keys = listedKeys(
      refusal(
        name,
        mutated(record(), [...path, 'bogus'], (parent, key) => (parent[key] = 1)),
      ),
      path,
    );
    expect(keys).toEqual(expect.arrayContaining(Object.keys(value as object)));
  });

  it('refuses null in place of that nested object', () => {
    const {path} = deepest(record(), isObject);
    expect(
      refusal(
        name,
        mutated(record(), path, (parent, key) => (parent[key] = null)),
      ),
    ).toBe(`${FILE}: ${spelled(path)}: expected an object, got null`);
  });
});
