/**
 * The stage the conv hyperparameter scenes (stride, padding, dilation) share, so they
 * read as one family: the same image (a PaddedGrid) on the left, the filter, one output
 * grid per run of the record (Keras's default first), and under them the sum of one
 * window's products and each run's output-size arithmetic. A scene is then a short
 * storyboard of `sweep`, `spread` and `reset`.
 */
import {Node, type NodeProps, Txt} from '@motion-canvas/2d';
import {all, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import type {ConvSettingRecord, ConvSettingRun} from '../../src/records/convSetting';
import {formatValue} from '../../src/shared/format';
import {convPadLine, convSizeLine as sizeLine, windowSumLine} from '../figureLines';
import {pace, sizes} from '../../src/shared/theme';
import {CaptionLine} from '../kit/CaptionLine';
import {flyValue} from '../kit/flyValue';
import {label} from '../kit/label';
import {HALF_FADE, QUICK_STOP} from '../kit/timing';
import {type StopPacing, type SweepPlan, sweepWindow} from '../kit/windowSweep';
import {kerasArgument, type SettingKey, sizeText} from '../../src/shared/convArithmetic';
import {maxAbs, monoWidth, slidePositions} from './layout';
import {deepestPadding, headingGroups, NO_PADDING, paddedExtent, paddingEquals, panelCentres, previousCell} from './paddedLayout';
import {windowOrigin} from './paddedLayout';
import {CELL, GAP, TOP, LABEL_Y, GAP_AFTER_INPUT, GAP_AFTER_FILTER, GAP_BETWEEN_OUTPUTS, LABEL_MARGIN} from './convSettingStageLayout';
import {UNDER_GAP, NAME_GAP, SANS_PER_MONO, LEFT, SUM_GAP, LINE_STEP, BOTTOM, MEDIUM_MOVE, MEDIUM_WRITE} from './convSettingStageLayout';
import {DETAILED_STEP, DETAILED_FLIGHT, DETAILED_BEAT, stageTiming} from './convSettingStageLayout';
import {PaddedGrid} from './PaddedGrid';
import {ValueGrid} from './ValueGrid';
import {sceneTheme, type Themed} from '../kit/theme';
export {stageTiming};

/** How a sweep runs, stop by stop (stops count row by row from 0). */
export interface SweepOptions extends SweepPlan {
  /** A cell of another run's grid that holds the same value, ringed as this cell is written. */
  echo?: (outRow: number, outCol: number) => {grid: number; row: number; col: number} | undefined;
}

export interface ConvSettingStageProps extends NodeProps, Themed {
  record: ConvSettingRecord;
  /** The Keras argument the scene is about: it heads each output grid. */
  setting: SettingKey;
  /** A second argument that tells the runs apart (dilation: padding), shown under the first. */
  secondary?: SettingKey;
}

export class ConvSettingStage extends Node {
  readonly input: PaddedGrid;
  readonly filter: ValueGrid;
  readonly outputs: ValueGrid[];
  private readonly record: ConvSettingRecord;
  private readonly setting: SettingKey;
  private readonly secondary?: SettingKey;
  private readonly inputNote: Txt;
  private readonly filterNote: Txt;
  private readonly sum: CaptionLine;
  /** The arithmetic, one row per line: the run's name (first line of a run only) and its equation. */
  private readonly lines: {name: Txt; equation: CaptionLine}[];
  /** Which arithmetic lines each run owns (a `same` run: its padding split, then its size). */
  private readonly lineOf: {split?: number; size: number}[];

  constructor(props: ConvSettingStageProps) {
    super(props);
    const {theme = sceneTheme(), record, setting, secondary} = props;
    this.record = record;
    this.setting = setting;
    this.secondary = secondary;
    const image = record.image;
    const [kh, kw] = [record.kernel.length, record.kernel[0].length];
    const inputBox = paddedExtent(image.length, image[0].length, deepestPadding(record.runs.map(r => r.pad)), CELL, GAP);
    const outputBoxes = record.runs.map(r => paddedExtent(r.output.length, r.output[0].length, NO_PADDING, CELL, GAP));
    const filterBox = paddedExtent(kh, kw, NO_PADDING, CELL, GAP);

    // Output panels: one heading per group of runs that share the setting, a subheading per run.
    const heads = record.runs.map(r => kerasArgument(r, setting));
    const groups = headingGroups(heads);
    const subheads = record.runs.map((r, i) => (i === 0 ? 'default' : secondary ? kerasArgument(r, secondary) : ''));
    const widths = [
      inputBox.width,
      filterBox.width,
      ...record.runs.map((_, i) => {
        const alone = groups.some(g => g.from === i && g.to === i);
        return Math.max(outputBoxes[i].width, sansWidth(subheads[i]), alone ? monoWidth(heads[i], sizes.small) : 0) + 2 * LABEL_MARGIN;
      }),
    ];
    const gaps = [GAP_AFTER_INPUT, GAP_AFTER_FILTER, ...record.runs.slice(1).map(() => GAP_BETWEEN_OUTPUTS)];
    const [inputX, filterX, ...outputX] = panelCentres(widths, gaps);
    // The image sits where it would inside its deepest padding, so the ring grows around it.
    const imageX = inputX - inputBox.dx;
    const imageY = TOP + inputBox.height / 2 - inputBox.dy;
    const centreY = (height: number) => TOP + height / 2;

    const allOutputs = record.runs.flatMap(r => r.output);
    this.input = (
      <PaddedGrid x={imageX} y={imageY} values={image} cellSize={CELL} gap={GAP} range={maxAbs(image)} fontSize={sizes.small} />
    ) as PaddedGrid;
    const grid = (rows: number, cols: number, x: number, range: number, values?: number[][]) =>
      (
        <ValueGrid
          x={x}
          y={centreY(paddedExtent(rows, cols, NO_PADDING, CELL, GAP).height)}
          rows={rows}
          cols={cols}
          cellSize={CELL}
          gap={GAP}
          colorMap="sequential"
          range={range}
          decimals={0}
          fontSize={sizes.small}
          initial={values}
        />
      ) as ValueGrid;
    this.filter = grid(kh, kw, filterX, maxAbs(record.kernel), record.kernel);
    this.outputs = record.runs.map((r, i) => grid(r.output.length, r.output[0].length, outputX[i], maxAbs(allOutputs)));

    // Headings in the text ink, notes and sizes muted.
    const heading = {fill: theme.text};
    this.inputNote = label('', {x: inputX, y: LABEL_Y[1]});
    this.filterNote = label('', {x: filterX, y: TOP + filterBox.height + UNDER_GAP});
    this.add(label(`input ${sizeText(image.length, image[0].length)}`, {x: inputX, y: LABEL_Y[0], ...heading}));
    this.add(this.inputNote);
    this.add(label(`filter ${sizeText(kh, kw)}`, {x: filterX, y: LABEL_Y[0], ...heading}));
    this.add(this.filterNote);
    for (const g of groups) this.add(label(g.text, {x: (outputX[g.from] + outputX[g.to]) / 2, y: LABEL_Y[0], mono: true, ...heading}));
    record.runs.forEach((r, i) => {
      if (subheads[i]) this.add(label(subheads[i], {x: outputX[i], y: LABEL_Y[1]}));
      this.add(label(sizeText(r.output.length, r.output[0].length), {x: outputX[i], y: TOP + outputBoxes[i].height + UNDER_GAP}));
    });
    this.add(this.input);
    this.add(this.filter);
    this.outputs.forEach(o => this.add(o));

    const sumY = TOP + Math.max(inputBox.height, ...outputBoxes.map(b => b.height)) + SUM_GAP;
    this.sum = (<CaptionLine mono x={LEFT} y={sumY} offsetX={-1} fontSize={sizes.small} />) as CaptionLine;
    this.add(this.sum);
    let next = 0;
    this.lineOf = record.runs.map(r => (r.padding === 'same' ? {split: next++, size: next++} : {size: next++}));
    // Equations left-aligned in the mono face; each run's name to the right of its size line.
    const [n, k] = [image.length, kh];
    const longest = Math.max(...record.runs.map(r => monoWidth(sizeLine(n, k, r), sizes.small)));
    this.lines = Array.from({length: next}, (_, i) => {
      const y = sumY + (i + 1) * LINE_STEP;
      const name = label('', {x: LEFT + longest + NAME_GAP, y});
      name.offset([-1, 0]);
      const equation = (<CaptionLine mono x={LEFT} y={y} offsetX={-1} fontSize={sizes.small} />) as CaptionLine;
      this.add(name);
      this.add(equation);
      return {name, equation};
    });
    this.y(Math.max(0, (BOTTOM - (sumY + next * LINE_STEP)) / 2));
  }

  /**
   * Slides the window over every output position of run `index`, row by row, writing
   * each sum into that run's grid. The run's arithmetic (and its zero padding, if it has
   * any) fades in alongside the first stop.
   */
  *sweep(index: number, options: SweepOptions): ThreadGenerator {
    const run = this.record.runs[index];
    yield this.showArithmetic(index);
    const [rows, cols] = [run.output.length, run.output[0].length];
    yield* sweepWindow(slidePositions(rows, cols), options, ({outRow, outCol}, pacing) =>
      this.stop(index, outRow, outCol, pacing, options.echo?.(outRow, outCol)),
    );
    yield* all(this.sum.clear(HALF_FADE), this.outputs[index].markCell(rows - 1, cols - 1, false, HALF_FADE));
  }

  /** Moves the window to run `index`'s first stop, ahead of its sweep. */
  *placeWindow(index: number, duration = pace.move): ThreadGenerator {
    const run = this.record.runs[index];
    const origin = windowOrigin(0, 0, run.stride, run.pad);
    yield* this.input.highlight(origin.row, origin.col, this.filter.rows, this.filter.cols, duration);
  }

  /** Spreads the window's taps `dilation` cells apart, and says what area they now cover. */
  *spread(dilation: number, duration = pace.move): ThreadGenerator {
    const [eh, ew] = [(this.filter.rows - 1) * dilation + 1, (this.filter.cols - 1) * dilation + 1];
    this.filterNote.text(`taps over ${sizeText(eh, ew)}`);
    yield* all(this.input.spread(dilation, duration), this.filterNote.opacity(0).opacity(1, duration));
  }

  /** Back to the first frame's state: empty outputs, no window, no padding, no arithmetic. */
  *reset(duration = pace.fade): ThreadGenerator {
    yield* all(
      this.input.hideHighlight(duration),
      this.input.hidePadding(duration),
      this.sum.clear(duration),
      ...this.lines.flatMap(l => [l.equation.clear(duration), l.name.opacity(0, duration)]),
      ...this.outputs.map(o => o.clear(duration)),
      this.inputNote.opacity(0, duration),
      this.filterNote.opacity(0, duration),
    );
    this.input.dilation(1);
    for (const l of this.lines) {
      l.name.text('');
      l.name.opacity(1);
    }
    this.inputNote.text('');
    this.filterNote.text('');
    this.inputNote.opacity(1);
    this.filterNote.opacity(1);
  }

  /** The run's arithmetic lines, and its zero padding around the input (or none). */
  private *showArithmetic(index: number): ThreadGenerator {
    const run = this.record.runs[index];
    const [n, k] = [this.record.image.length, this.filter.rows];
    const own = this.lineOf[index];
    const padded = run.pad.top + run.pad.bottom + run.pad.left + run.pad.right > 0;
    const showRing = padded && !paddingEquals(run.pad, this.input.padding);
    const named = this.lines[own.size];
    named.name.text(this.runName(run));
    if (showRing) {
      const [rows, cols] = [n + run.pad.top + run.pad.bottom, this.record.image[0].length + run.pad.left + run.pad.right];
      this.inputNote.text(`zero padding: ${sizeText(rows, cols)}`);
    }
    yield* all(
      named.name.opacity(0).opacity(1, pace.fade),
      own.split !== undefined ? this.lines[own.split].equation.say(convPadLine(n, k, run)) : waitFor(0),
      named.equation.say(sizeLine(n, k, run)),
      showRing ? all(this.input.showPadding(run.pad), this.inputNote.opacity(0).opacity(1, pace.fade)) : waitFor(0),
      !padded && this.input.paddingOpacity() > 0 ? this.input.hidePadding() : waitFor(0),
    );
  }

  /** `default`, `strides=(2, 2)`, `dilation_rate=2, padding='same'`: the run as its arithmetic names it. */
  private runName(run: ConvSettingRun): string {
    if (run === this.record.runs[0]) return 'default';
    return [kerasArgument(run, this.setting), this.secondary ? kerasArgument(run, this.secondary) : ''].filter(Boolean).join(', ');
  }

  /** One stop of the window: move, (products and their sum,) write the cell. */
  private *stop(
    index: number,
    outRow: number,
    outCol: number,
    pacing: StopPacing,
    echo?: {grid: number; row: number; col: number},
  ): ThreadGenerator {
    const run = this.record.runs[index];
    const map = this.outputs[index];
    const value = run.output[outRow][outCol];
    const origin = windowOrigin(outRow, outCol, run.stride, run.pad);
    const previous = previousCell(outRow, outCol, run.output[0].length);
    const unring = previous ? map.markCell(previous.row, previous.col, false, 0) : waitFor(0);
    const echoGrid = echo ? this.outputs[echo.grid] : undefined;
    if (pacing === 'quick') {
      if (this.sum.text() !== '') yield this.sum.clear(HALF_FADE);
      yield* all(
        unring,
        this.input.highlight(origin.row, origin.col, this.filter.rows, this.filter.cols, QUICK_STOP),
        map.setValue(outRow, outCol, value, QUICK_STOP),
      );
      return;
    }
    const detailed = pacing === 'detailed';
    const t = detailed ? DETAILED_STEP : MEDIUM_MOVE;
    const products = run.products[outRow][outCol].flat();
    const sum = windowSumLine(products, value);
    // A medium stop updates the sum as the window lands; a detailed one waits for it.
    yield* all(
      unring,
      this.input.highlight(origin.row, origin.col, this.filter.rows, this.filter.cols, t),
      map.markCell(outRow, outCol, true, t / 2),
      detailed ? waitFor(0) : this.sum.say(sum, t),
    );
    if (detailed) {
      yield* this.sum.say(sum, t);
      // The sum travels from the window to its cell.
      yield* flyValue(this, formatValue(value, 0), {
        from: this.input.windowCentre(),
        to: map.cellPosition(outRow, outCol),
        appear: t / 3,
        travel: DETAILED_FLIGHT,
        fontWeight: 600,
      });
    }
    const write = detailed ? DETAILED_STEP : MEDIUM_WRITE;
    yield* all(
      map.setValue(outRow, outCol, value, write),
      echoGrid && echo ? echoGrid.markCell(echo.row, echo.col, true, write) : waitFor(0),
    );
    if (detailed) yield* waitFor(DETAILED_BEAT);
    if (echoGrid && echo) yield echoGrid.markCell(echo.row, echo.col, false, write);
  }
}

/** Estimated width of a label in the sans face at the label size (0 for none). */
function sansWidth(text: string): number {
  return monoWidth(text, sizes.small) * SANS_PER_MONO;
}
