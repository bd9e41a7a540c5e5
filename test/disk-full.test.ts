/**
 * A full disk (issue 21): the error names the file whose write failed and says the disk is
 * full, instead of blaming the format that happened to be written last. /dev/full gives a
 * real ENOSPC on every write.
 */
import {writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RenderOutcome} from '../src/frames/protocol';
import {PendingOutputs} from '../src/render/outputs';
import {finishSceneOutputs, type SceneOutput} from '../src/render/sceneOutputs';

const outcome: RenderOutcome = {result: 'success', frames: 1, streamMs: 1, width: 2, height: 2, steps: []} as unknown as RenderOutcome;

describe('a full disk', () => {
  it('the error names the file whose write failed and says the disk is full', async () => {
    const vtt: SceneOutput = {
      format: 'vtt',
      target: '/out/dense.vtt',
      optional: false,
      finish: async () => writeFileSync('/dev/full', 'WEBVTT'),
      abort: () => {},
    };
    await expect(finishSceneOutputs('dense', [vtt], outcome, new PendingOutputs(), 30)).rejects.toThrow(
      /^dense: the disk is full: writing \/out\/dense\.vtt failed \(ENOSPC\); free space on that disk, or give --out a folder on another$/,
    );
  });

  it('a video that fails to write on a full disk fails the scene with the same message, not as a lone encoder failure', async () => {
    const mp4: SceneOutput = {
      format: 'mp4',
      target: '/out/dense.mp4',
      optional: true,
      finish: async () => writeFileSync('/dev/full', 'x'),
      abort: () => {},
    };
    await expect(finishSceneOutputs('dense', [mp4], outcome, new PendingOutputs(), 30)).rejects.toThrow(
      'dense: the disk is full: writing /out/dense.mp4 failed (ENOSPC)',
    );
  });
});
