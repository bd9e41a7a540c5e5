/**
 * scripts/reference/export_record.py runs where TensorFlow is installed; CI has none, so here
 * it is only compiled (where python3 exists) and held to the record format it writes.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {SCHEMA_VERSION} from '../src/records/header';
import {DENSE_ACTIVATIONS} from '../src/animations/dense/params';
import {ROOT} from './helpers/cli';
import {testTempDir} from './helpers/tempDir';

const SCRIPT = join(ROOT, 'scripts', 'reference', 'export_record.py');
const python = spawnSync('python3', ['--version']).status === 0;

describe('export_record.py', () => {
  it.runIf(python)('compiles (python3 -m py_compile)', () => {
    const cache = testTempDir('pycache-');
    const run = spawnSync('python3', ['-m', 'py_compile', SCRIPT], {encoding: 'utf8', env: {...process.env, PYTHONPYCACHEPREFIX: cache}});
    expect(run.status, run.stderr).toBe(0);
  });

  it('writes the schema version and the activations the renderer reads', () => {
    const source = readFileSync(SCRIPT, 'utf8');
    expect(source).toContain(`SCHEMA_VERSION = ${SCHEMA_VERSION}`);
    expect(source).toContain(`ACTIVATIONS = (${DENSE_ACTIVATIONS.map(a => `'${a}'`).join(', ')})`);
  });
});
