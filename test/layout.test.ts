import {describe, expect, it} from 'vitest';
import {cellCentres, columnPositions, edgeWidth, labelFits, maxAbs, monoWidth, rowLength} from '../scenes/components/layout';

describe('columnPositions', () => {
  it('spaces items evenly, centred on 0', () => {
    expect(columnPositions(4, 60)).toEqual([-90, -30, 30, 90]);
    expect(columnPositions(1, 60)).toEqual([0]);
  });
});

describe('edgeWidth', () => {
  it('grows with the weight’s magnitude up to the widest edge, whatever its sign', () => {
    expect(edgeWidth(0, 2)).toBe(1);
    expect(edgeWidth(-2, 2)).toBe(6);
    expect(edgeWidth(1, 2)).toBe(3.5);
    expect(edgeWidth(5, 2)).toBe(6);
  });
});

describe('maxAbs', () => {
  it('finds the largest magnitude in numbers and rows', () => {
    expect(maxAbs([0.5, [-1.47, 0.2], [0.9]])).toBe(1.47);
  });
});

describe('row layout', () => {
  it('measures a row of cells with gaps between neighbours', () => {
    expect(rowLength(3, 50, 4)).toBe(158);
    expect(rowLength(0, 50, 4)).toBe(0);
  });

  it('centres cells on 0', () => {
    expect(cellCentres(3, 50, 4)).toEqual([-54, 0, 54]);
  });

  it('knows whether a value fits in its cell in the monospaced face', () => {
    expect(monoWidth('\u22120.02', 18)).toBeCloseTo(5 * 18 * 0.6);
    expect(labelFits('0.00', 18, 50)).toBe(true);
    expect(labelFits('\u22120.02', 18, 50)).toBe(false);
  });
});
