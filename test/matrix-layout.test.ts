import {describe, expect, it} from 'vitest';
import {gridCellCentre, gridSize, gridWindowRect} from '../scenes/components/layout';
import {LABEL_GAP, LINE_HEIGHT, matrixLayout, TITLE_GAP} from '../scenes/components/matrixLayout';

describe('grids of cells wider than tall', () => {
  it('gridSize takes the cell height for the rows and the width for the columns', () => {
    expect(gridSize(4, 4, 52, 2, 26)).toEqual({width: 4 * 52 + 3 * 2, height: 4 * 26 + 3 * 2});
    expect(gridSize(2, 3, 10, 2)).toEqual(gridSize(2, 3, 10, 2, 10));
  });

  it('gridCellCentre steps rows by the height and columns by the width', () => {
    expect(gridCellCentre(0, 0, 2, 2, 50, 2, 20)).toEqual({x: -26, y: -11});
    expect(gridCellCentre(1, 1, 2, 2, 50, 2, 20)).toEqual({x: 26, y: 11});
  });

  it('gridWindowRect hugs rectangular cells', () => {
    expect(gridWindowRect(0, 0, 2, 1, 2, 2, 50, 2, 20)).toEqual({x: -26, y: 0, width: 50, height: 42});
  });
});

describe('matrixLayout', () => {
  it('puts row labels left of the cells and column labels above them', () => {
    const m = matrixLayout(7, 7, 68, 36, 4, true);
    expect(m.width).toBe(7 * 68 + 6 * 4);
    expect(m.height).toBe(7 * 36 + 6 * 4);
    expect(m.rowLabelX).toBe(-m.width / 2 - LABEL_GAP);
    expect(m.columnLabelY).toBe(-m.height / 2 - LABEL_GAP - LINE_HEIGHT / 2);
    expect(m.left).toBe(-m.width / 2);
  });

  it('sets the title above the column labels, or straight above the cells without them', () => {
    const withLabels = matrixLayout(4, 4, 52, 26, 2, true);
    const without = matrixLayout(4, 4, 52, 26, 2, false);
    expect(withLabels.titleY).toBeLessThan(withLabels.columnLabelY - LINE_HEIGHT / 2);
    expect(without.titleY).toBe(-without.height / 2 - TITLE_GAP - LINE_HEIGHT / 2);
    expect(withLabels.titleY).toBe(without.titleY - LABEL_GAP - LINE_HEIGHT);
  });

  it('puts the legend below the cells', () => {
    const m = matrixLayout(4, 4, 52, 26, 2, false);
    expect(m.legendY).toBeGreaterThan(m.height / 2 + LINE_HEIGHT / 2);
  });
});
