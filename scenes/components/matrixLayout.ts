/** Layout arithmetic of a LabelledMatrix; pure, tested in test/matrix-layout.test.ts. */
import {gridSize} from './layout';

/** Room between the cells and the row labels (right-aligned) or the column labels. */
export const LABEL_GAP = 10;
/** Height of a line of labels or of the title, in scene units (at sizes.small). */
export const LINE_HEIGHT = 22;
/** Room between the column labels (or the cells) and the title above them. */
export const TITLE_GAP = 6;
/** Room between the cells and a legend below them. */
export const LEGEND_GAP = 16;

export interface MatrixLayout {
  /** The cells' box, centred on the origin. */
  width: number;
  height: number;
  /** Where the row labels end (right-aligned, left of the cells). */
  rowLabelX: number;
  /** Centre line of the column labels, above the cells. */
  columnLabelY: number;
  /** Centre line of the title (and shape), above the column labels when there are any. */
  titleY: number;
  /** Left edge of the cells: the title starts here. */
  left: number;
  /** Centre line of a legend below the cells. */
  legendY: number;
}

/** Where the parts of a rows×cols matrix of `cellWidth`×`cellHeight` cells go. */
export function matrixLayout(
  rows: number,
  cols: number,
  cellWidth: number,
  cellHeight: number,
  gap: number,
  hasColumnLabels: boolean,
): MatrixLayout {
  const {width, height} = gridSize(rows, cols, cellWidth, gap, cellHeight);
  const top = -height / 2;
  const columnLabelY = top - LABEL_GAP - LINE_HEIGHT / 2;
  const aboveCells = hasColumnLabels ? top - LABEL_GAP - LINE_HEIGHT : top;
  return {
    width,
    height,
    rowLabelX: -width / 2 - LABEL_GAP,
    columnLabelY,
    titleY: aboveCells - TITLE_GAP - LINE_HEIGHT / 2,
    left: -width / 2,
    legendY: height / 2 + LEGEND_GAP + LINE_HEIGHT / 2,
  };
}
