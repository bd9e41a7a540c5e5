import {statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ensureDir} from '../src/util/ensureDir';
import {testTempDir} from './helpers/tempDir';

describe('ensureDir', () => {
  it('creates every missing level and accepts a folder that exists', () => {
    const root = testTempDir('ensure-dir-');
    const deep = join(root, 'a', 'b', 'c');
    ensureDir(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => ensureDir(deep)).not.toThrow();
  });

  it('stops at the first level it cannot create, naming that level', () => {
    const root = testTempDir('ensure-dir-');
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => ensureDir(join(file, 'sub', 'deeper'))).toThrow(expect.objectContaining({code: 'ENOTDIR', path: join(file, 'sub')}));
    expect(() => ensureDir(file)).toThrow(expect.objectContaining({code: 'ENOTDIR', path: file}));
  });
});
