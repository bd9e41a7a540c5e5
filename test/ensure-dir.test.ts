import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ensureDir} from '../src/util/ensureDir';

let root: string;
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe('ensureDir', () => {
  it('creates every missing level and accepts a folder that exists', () => {
    root = mkdtempSync(join(tmpdir(), 'ensure-dir-'));
    const deep = join(root, 'a', 'b', 'c');
    ensureDir(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => ensureDir(deep)).not.toThrow();
  });

  it('stops at the first level it cannot create, naming that level', () => {
    root = mkdtempSync(join(tmpdir(), 'ensure-dir-'));
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => ensureDir(join(file, 'sub', 'deeper'))).toThrow(expect.objectContaining({code: 'ENOTDIR', path: join(file, 'sub')}));
    expect(() => ensureDir(file)).toThrow(expect.objectContaining({code: 'ENOTDIR', path: file}));
  });
});
