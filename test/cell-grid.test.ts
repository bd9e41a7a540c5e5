import type {ThreadGenerator} from '@motion-canvas/core';
import {describe, expect, it} from 'vitest';
import {cellFill, type CellGrid, expectShape, highlightAll, type OutlineOpacity, placeOutline} from '../scenes/components/cellGrid';
import {DARK, divergingColor, LIGHT, sequentialColor} from '../src/shared/theme';

/** Runs a generator to its end, as a scene's thread would (no frames pass here). */
function run(task: ThreadGenerator): void {
  for (let step = task.next(); !step.done; step = task.next());
}

/** An outline opacity that records its tweens instead of animating them. */
function recordedOpacity(start: number, log: string[]): OutlineOpacity {
  let value = start;
  return ((to?: number, duration?: number) => {
    if (to === undefined) return value;
    return (function* () {
      log.push(`opacity ${value}→${to} over ${duration}`);
      value = to;
    })();
  }) as OutlineOpacity;
}

function outline(start: number, duration: number): string[] {
  const log: string[] = [];
  const place = () => void log.push('place');
  const move = function* (d: number): ThreadGenerator {
    log.push(`move over ${d}`);
  };
  run(placeOutline(recordedOpacity(start, log), place, move, duration));
  return log;
}

describe('placeOutline: how every grid’s highlight reaches a block', () => {
  it('where hidden, puts the outline in place at once and fades it in over the duration', () => {
    expect(outline(0, 0.4)).toEqual(['place', 'opacity 0→1 over 0.4']);
  });

  it('where shown, moves it over the duration and leaves its opacity alone', () => {
    expect(outline(1, 0.4)).toEqual(['move over 0.4']);
  });

  it('at duration 0, puts it in place at once: shown at once when hidden, no tween when shown', () => {
    expect(outline(0, 0)).toEqual(['place', 'opacity 0→1 over 0']);
    expect(outline(1, 0)).toEqual(['place']);
  });
});

describe('highlightAll', () => {
  it('rings the block of every row and column, passing the duration on', () => {
    const calls: unknown[][] = [];
    const grid = {rows: 1, cols: 3, highlight: (...args: unknown[]) => (calls.push(args), (function* () {})())} as unknown as CellGrid;
    run(highlightAll(grid, 0.25));
    expect(calls).toEqual([[0, 0, 1, 3, 0.25]]);
  });
});

describe('cellFill: one colour rule for every grid', () => {
  it('shows an empty cell in the surface colour', () => {
    expect(cellFill(LIGHT, 'diverging', 1, undefined)).toBe(LIGHT.surface);
    expect(cellFill(DARK, 'sequential', 2, undefined)).toBe(DARK.surface);
  });

  it('saturates the diverging map at ±range and the sequential map at range', () => {
    expect(cellFill(LIGHT, 'diverging', 2, -1)).toBe(divergingColor(LIGHT, -1, 2));
    expect(cellFill(LIGHT, 'sequential', 4, 3)).toBe(sequentialColor(LIGHT, 0.75));
    expect(cellFill(LIGHT, 'sequential', 4, 4)).toBe(sequentialColor(LIGHT, 1));
    expect(cellFill(LIGHT, 'sequential', 4, 4)).not.toBe(cellFill(LIGHT, 'sequential', 4, 1));
  });

  it('paints a sequential grid with no range at the map’s start', () => {
    expect(cellFill(LIGHT, 'sequential', 0, 5)).toBe(sequentialColor(LIGHT, 0));
  });
});

describe('expectShape: setValues refuses values of another shape', () => {
  it('accepts values of the grid’s shape', () => {
    expect(() =>
      expectShape('ValueGrid', 2, 3, [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).not.toThrow();
    expect(() => expectShape('VectorRow', 1, 2, [[1, 2]])).not.toThrow();
  });

  it('names the grid and both shapes in one line', () => {
    expect(() => expectShape('ValueGrid', 2, 3, [[1, 2, 3]])).toThrow(new Error('ValueGrid.setValues: expected 2×3 values, got 1×3'));
    expect(() => expectShape('VectorRow', 1, 3, [[1], [2], [3]])).toThrow(new Error('VectorRow.setValues: expected 1×3 values, got 3×1'));
    expect(() => expectShape('HeatmapSheet', 2, 2, [[1, 2], [3]])).toThrow(
      new Error('HeatmapSheet.setValues: expected 2×2 values, got 2×2/1'),
    );
    expect(() => expectShape('HeatmapSheet', 2, 2, [])).toThrow(new Error('HeatmapSheet.setValues: expected 2×2 values, got 0×0'));
  });
});
