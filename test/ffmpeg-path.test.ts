import {chmodSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveFfmpeg, resolveFfprobe} from '../src/encode/ffmpegPath.js';
import {tempDir, testTempDir} from './helpers/tempDir';

function fakeBin(dir: string, name: string): string {
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\nexit 0\n');
  chmodSync(p, 0o755);
  return p;
}

describe('resolveFfmpeg', () => {
  const dir = tempDir('ffpath-');
  const onPathDir = tempDir('ffpath-path-');
  const envFf = fakeBin(dir, 'my-ffmpeg');
  const pathFf = fakeBin(onPathDir, 'ffmpeg');
  fakeBin(onPathDir, 'ffprobe');

  it('FFMPEG_PATH wins over PATH', () => {
    expect(resolveFfmpeg({env: {FFMPEG_PATH: envFf, PATH: onPathDir}, useFfmpegStatic: false})).toEqual({
      path: envFf,
      source: 'FFMPEG_PATH',
    });
  });
  it('falls back to PATH', () => {
    expect(resolveFfmpeg({env: {PATH: `/nonexistent:${onPathDir}`}, useFfmpegStatic: false})).toEqual({path: pathFf, source: 'PATH'});
  });
  it('a bogus FFMPEG_PATH is an error naming it, even when PATH has ffmpeg', () => {
    expect(() => resolveFfmpeg({env: {FFMPEG_PATH: '/no/such/ffmpeg', PATH: onPathDir}})).toThrow(/FFMPEG_PATH.*\/no\/such\/ffmpeg/);
  });
  it('nothing found: the error lists what was searched and how to install', () => {
    let msg = '';
    try {
      resolveFfmpeg({env: {PATH: dir}, useFfmpegStatic: false}); // dir has my-ffmpeg, not ffmpeg
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/FFMPEG_PATH/);
    expect(msg).toMatch(/on PATH/);
    expect(msg).toMatch(/apt-get install -y ffmpeg/);
  });
  it('finds the real ffmpeg of this machine from the process environment', () => {
    const r = resolveFfmpeg();
    expect(r.path).toMatch(/ffmpeg/);
  });
  it('ffprobe: next to an FFMPEG_PATH binary first, then PATH', () => {
    const withProbe = testTempDir('ffpath-both-');
    const ff = fakeBin(withProbe, 'ffmpeg');
    const probe = fakeBin(withProbe, 'ffprobe');
    expect(resolveFfprobe({env: {FFMPEG_PATH: ff, PATH: onPathDir}, useFfmpegStatic: false})).toEqual({path: probe, source: 'FFMPEG_PATH'});
    expect(resolveFfprobe({env: {FFMPEG_PATH: envFf, PATH: onPathDir}, useFfmpegStatic: false})).toEqual({
      path: join(onPathDir, 'ffprobe'),
      source: 'PATH',
    });
    expect(() => resolveFfprobe({env: {PATH: dir}, useFfmpegStatic: false})).toThrow(/ffprobe not found.*apt-get install -y ffmpeg/);
  });
});
