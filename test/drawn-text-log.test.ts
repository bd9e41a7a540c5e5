/**
 * The drawn-text log (RENDER_TEXT_LOG=1, src/page/textLog.ts), on the shared half-size render:
 * one entry per step's held frame, placed where the VTT's cues end, each showing its caption; the
 * boxes lie where the GIF shows the text's colour; and a render without the switch writes no log.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {framesAtSourceTimes} from '../src/bench/gifDecode';
import {ANIMATIONS} from '../src/animations/registry';
import {heldFrames} from '../src/page/textLog';
import {runRender} from './helpers/cli';
import {readTextLog, textLogPath} from '../src/figureRules/evidence';
import {tempDir} from './helpers/tempDir';

const shared = inject('sharedRender');
const FPS = 30;

/** Cue ends (seconds) of a VTT file. */
function cueEnds(vtt: string): number[] {
  return [...vtt.matchAll(/--> (\d+):(\d+):([\d.]+)/g)].map(m => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]));
}

describe('heldFrames', () => {
  it('holds the frame before each later step and the last frame', () => {
    const steps = [
      {time: 0, text: 'a'},
      {time: 1, text: 'b'},
      {time: 2.51, text: 'c'},
    ];
    expect([...heldFrames(steps, 30, 99)]).toEqual([
      [29, 'a'],
      [75, 'b'],
      [99, 'c'],
    ]);
  });

  it('holds the last step at the end of its hold too, when the scene reports one', () => {
    const steps = [
      {time: 0, text: 'a'},
      {time: 1, text: 'b'},
    ];
    expect([...heldFrames(steps, 30, 99, 3)]).toEqual([
      [29, 'a'],
      [89, 'b'],
      [99, 'b'],
    ]);
  });
});

describe('the shared render’s drawn-text logs', () => {
  it.each(ANIMATIONS)(
    '%s: a held frame at every cue’s end, at the last step’s hold’s end and at the last frame, each showing its caption',
    name => {
      const log = readTextLog(shared.dir, name);
      const ends = cueEnds(readFileSync(join(shared.dir, `${name}.vtt`), 'utf8'));
      const last = Math.round(ends[ends.length - 1] * FPS) - 1;
      // A cue's end is its step's time rounded to the millisecond (±0.015 frames): one that ends on a frame
      // boundary (a step held a whole number of frames) may print just past it, so it is read as the boundary.
      const onFrame = (end: number) => (Math.abs(end * FPS - Math.round(end * FPS)) <= 0.016 ? Math.round(end * FPS) : end * FPS);
      const cueFrames = ends.slice(0, -1).map(end => Math.ceil(onFrame(end) - 1e-6) - 1);
      // Every scene clears its caption before the loop resets: that frame holds the last step.
      const holdEnd = log[log.length - 2].frame;
      expect(log.map(f => f.frame)).toEqual([...cueFrames, holdEnd, last]);
      expect(holdEnd).toBeGreaterThan(cueFrames[cueFrames.length - 1]);
      expect(holdEnd).toBeLessThan(last);
      for (const held of log.slice(0, -1)) expect(held.texts.map(t => t.text)).toContain(held.step);
      for (const text of log.flatMap(f => f.texts)) {
        expect(text.alpha).toBeGreaterThan(0);
        expect(text.alpha).toBeLessThanOrEqual(1);
        expect(text.box.width).toBeGreaterThan(0);
      }
    },
  );

  it('filter: every opaque text’s box holds pixels of its colour in the GIF’s held frame', () => {
    const log = readTextLog(shared.dir, 'filter');
    const gif = readFileSync(join(shared.dir, 'filter.gif'));
    // The decoder reuses one canvas: each frame is copied as it goes by.
    const frames = Array.from(framesAtSourceTimes(gif, FPS, log[log.length - 1].frame + 1), rgba => rgba.slice());
    const width = 480;
    let checked = 0;
    for (const held of log) {
      const rgba = frames[held.frame];
      for (const text of held.texts.filter(t => t.alpha === 1 && /^#[0-9a-f]{6}$/.test(t.fill))) {
        const target = [1, 3, 5].map(i => parseInt(text.fill.slice(i, i + 2), 16));
        const [x0, y0] = [Math.floor(text.box.x / 2), Math.floor(text.box.y / 2)];
        const [x1, y1] = [Math.ceil((text.box.x + text.box.width) / 2), Math.ceil((text.box.y + text.box.height) / 2)];
        // Small glyphs at half size never reach their full colour: the box must hold a pixel at
        // least halfway from its most common colour (what the text sits on) to the text's colour.
        const pixels: number[][] = [];
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) pixels.push([0, 1, 2].map(k => rgba[(y * width + x) * 4 + k]));
        const counts = new Map<string, number>();
        for (const p of pixels) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
        const ground = [...counts]
          .sort((a, b) => b[1] - a[1])[0][0]
          .split(',')
          .map(Number);
        const distance = (a: number[], b: number[]) => Math.max(...a.map((v, k) => Math.abs(v - b[k])));
        const found = pixels.some(p => distance(p, target) <= distance(ground, target) / 2);
        expect(found, `${text.text} at frame ${held.frame}, box ${JSON.stringify(text.box)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('a render without RENDER_TEXT_LOG', () => {
  const out = tempDir('text-log-');
  it('writes no drawn-text log', async () => {
    const run = await runRender(['filter', '--scale', '0.5', '--format', 'vtt', '--out', out], {RENDER_TEXT_LOG: ''});
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'filter.vtt'))).toBe(true);
    expect(existsSync(textLogPath(out, 'filter'))).toBe(false);
    expect(readdirSync(out).filter(f => f.endsWith('.texts.json'))).toEqual([]);
  });
});
