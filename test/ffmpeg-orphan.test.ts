// An ffmpeg we started dies with us, however we die: SVT-AV1 was seen deadlocked for good on
// flushing a few frames after its editor was killed, its input pipe closed.
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {tempDir} from './helpers/tempDir';

const work = tempDir('ffmpeg-orphan-');

/** True while process `pid` exists (and is not a zombie). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

it('an ffmpeg that ignores the end of its input is killed when the process that started it is SIGKILLed', async () => {
  // a stand-in ffmpeg that writes its pid, then ignores its input ending (as the deadlocked encoder did)
  const fake = join(work, 'hung-ffmpeg');
  const pidFile = join(work, 'pid');
  writeFileSync(fake, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600 < /dev/null\n`);
  chmodSync(fake, 0o755);
  const owner = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import {FfmpegStreamEncoder} from './src/encode/video.ts'; new FfmpegStreamEncoder(${JSON.stringify(fake)}, []); setInterval(() => {}, 1000);`,
    ],
    {stdio: 'ignore'},
  );
  await expect.poll(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', {timeout: 30_000}).toBe(true);
  const ffmpegPid = Number(readFileSync(pidFile, 'utf8'));
  expect(alive(ffmpegPid)).toBe(true);
  owner.kill('SIGKILL');
  await expect.poll(() => alive(ffmpegPid), {timeout: 5_000, interval: 50}).toBe(false);
}, 60_000);
