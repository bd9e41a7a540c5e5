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
import {convSizeLine as sizeLine, windowSumLine} from '../figureLines';
import {pace, sizes} from '../../src/shared/theme';
import {CaptionLine} from '../kit/CaptionLine';
import {flyValue} from '../kit/flyValue';
import {label} from '../kit/label';
import {holdToRead, sceneTime} from '../kit/readingHold';
import {HALF_FADE, QUICK_STOP} from '../kit/timing';
import {type StopPacing, type SweepPlan, sweepWindow} from '../kit/windowSweep';
import {kerasArgument, type SettingKey, sizeText} from '../../src/shared/convArithmetic';
import {maxAbs, monoWidth, slidePositions} from './layout';
import {deepestPadding, paddedExtent, paddingEquals, previousCell} from './paddedLayout';
import {windowOrigin} from './paddedLayout';
import {LEFT, LINE_Y, NAME_GAP, MEDIUM_MOVE, MEDIUM_WRITE, type PlacedGrid, stageLayout, stageText} from './convSettingStageLayout';
import {DETAILED_STEP, DETAILED_FLIGHT, DETAILED_BEAT, stageTiming} from './convSettingStageLayout';
import {PaddedGrid} from './PaddedGrid';
import {ValueGrid} from './ValueGrid';
import {sceneTheme, type Themed} from '../kit/theme';
export {stageTiming};

/** How a sweep runs, stop by stop (stops count row by row from 0). */
export interface SweepOptions extends SweepPlan {
  /** A cell of another run's grid that holds the same value: ringed as this cell is written, and left ringed. */
  keep?: (outRow: number, outCol: number) => {grid: number; row: number; col: number} | undefined;
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
  /** The two formula lines: the current run's output size (its name beside it), and one window's sum. */
  private readonly size: CaptionLine;
  private readonly runLabel: Txt;
  private readonly sum: CaptionLine;

  constructor(props: ConvSettingStageProps) {
    super(props);
    const {theme = sceneTheme(), record, setting, secondary} = props;
    this.record = record;
    this.setting = setting;
    this.secondary = secondary;
    const image = record.image;
    const [kh, kw] = [record.kernel.length, record.kernel[0].length];
    const deepest = deepestPadding(record.runs.map(r => r.pad));
    const {spec, inputLabels, filterLabel, groups, subheads, sizeLabels} = stageText(record, setting, secondary);
    const layout = stageLayout(spec);
    const {cell, gap} = layout;
    const fontSize = sizes[layout.fontSize];
    // The image sits where it would inside its deepest padding, so the ring grows around it.
    const inputBox = paddedExtent(image.length, image[0].length, deepest, cell, gap);
    const allOutputs = record.runs.flatMap(r => r.output);
    this.input = (
      <PaddedGrid
        x={layout.input.x - inputBox.dx}
        y={layout.input.y - inputBox.dy}
        values={image}
        cellSize={cell}
        gap={gap}
        range={maxAbs(image)}
        fontSize={fontSize}
      />
    ) as PaddedGrid;
    const grid = (place: PlacedGrid, rows: number, cols: number, range: number, values?: number[][]) =>
      (
        <ValueGrid
          x={place.x}
          y={place.y}
          rows={rows}
          cols={cols}
          cellSize={cell}
          gap={gap}
          colorMap="sequential"
          range={range}
          decimals={0}
          fontSize={fontSize}
          initial={values}
        />
      ) as ValueGrid;
    this.filter = grid(layout.filter, kh, kw, maxAbs(record.kernel), record.kernel);
    this.outputs = record.runs.map((r, i) => grid(layout.outputs[i], r.output.length, r.output[0].length, maxAbs(allOutputs)));

    // Headings in the text ink, notes and sizes muted.
    const heading = {fill: theme.text};
    const {input: inPlace, filter: fPlace, outputs: outPlaces} = layout;
    this.inputNote = label('', {x: inPlace.x, y: inPlace.labelY[1]});
    this.filterNote = label('', {x: fPlace.x, y: fPlace.underY});
    this.add(label(inputLabels[0], {x: inPlace.x, y: inPlace.labelY[0], ...heading}));
    this.add(this.inputNote);
    this.add(label(filterLabel, {x: fPlace.x, y: fPlace.labelY[0], ...heading}));
    this.add(this.filterNote);
    for (const g of groups)
      this.add(label(g.text, {x: (outPlaces[g.from].x + outPlaces[g.to].x) / 2, y: outPlaces[g.from].labelY[0], mono: true, ...heading}));
    record.runs.forEach((_, i) => {
      if (subheads[i]) this.add(label(subheads[i], {x: outPlaces[i].x, y: outPlaces[i].labelY[1]}));
      this.add(label(sizeLabels[i], {x: outPlaces[i].x, y: outPlaces[i].underY}));
    });
    this.add(this.input);
    this.add(this.filter);
    this.outputs.forEach(o => this.add(o));

    // The formula lines, left-aligned in the mono face; each run's name right of the longest size line.
    const [n, k] = [image.length, kh];
    const longest = Math.max(...record.runs.map(r => monoWidth(sizeLine(n, k, r), sizes.small)));
    this.size = (<CaptionLine mono x={LEFT} y={LINE_Y[0]} offsetX={-1} fontSize={sizes.small} />) as CaptionLine;
    this.runLabel = label('', {x: LEFT + longest + NAME_GAP, y: LINE_Y[0]});
    this.runLabel.offset([-1, 0]);
    this.sum = (<CaptionLine mono x={LEFT} y={LINE_Y[1]} offsetX={-1} fontSize={sizes.small} />) as CaptionLine;
    this.add(this.size);
    this.add(this.runLabel);
    this.add(this.sum);
  }

  /**
   * Slides the window over every output position of run `index`, row by row, writing
   * each sum into that run's grid. The run's size line (and its zero padding, if it has
   * any) fades in alongside the first stop.
   */
  *sweep(index: number, options: SweepOptions): ThreadGenerator {
    const run = this.record.runs[index];
    yield this.showArithmetic(index);
    const [rows, cols] = [run.output.length, run.output[0].length];
    yield* sweepWindow(slidePositions(rows, cols), options, ({outRow, outCol}, pacing) =>
      this.stop(index, outRow, outCol, pacing, options.keep?.(outRow, outCol)),
    );
    yield* all(this.clearSum(), this.outputs[index].markCell(rows - 1, cols - 1, false, HALF_FADE));
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
      this.size.clear(duration),
      this.runLabel.opacity(0, duration),
      ...this.outputs.map(o => o.clear(duration)),
      this.inputNote.opacity(0, duration),
      this.filterNote.opacity(0, duration),
    );
    this.input.dilation(1);
    this.runLabel.text('');
    this.inputNote.text('');
    this.filterNote.text('');
    for (const note of [this.runLabel, this.inputNote, this.filterNote]) note.opacity(1);
  }

  /** The run's size line and name (in place of the last run's), and its zero padding around the input (or none). */
  private *showArithmetic(index: number): ThreadGenerator {
    const run = this.record.runs[index];
    const [n, k] = [this.record.image.length, this.filter.rows];
    const padded = run.pad.top + run.pad.bottom + run.pad.left + run.pad.right > 0;
    const showRing = padded && !paddingEquals(run.pad, this.input.padding);
    if (showRing) {
      const [rows, cols] = [n + run.pad.top + run.pad.bottom, this.record.image[0].length + run.pad.left + run.pad.right];
      this.inputNote.text(`zero padding: ${sizeText(rows, cols)}`);
    }
    yield* all(
      this.size.say(sizeLine(n, k, run)),
      this.renameRun(this.runName(run)),
      showRing ? all(this.input.showPadding(run.pad), this.inputNote.opacity(0).opacity(1, pace.fade)) : waitFor(0),
      !padded && this.input.paddingOpacity() > 0 ? this.input.hidePadding() : waitFor(0),
    );
  }

  /** Cross-fades the name beside the size line, as the line itself does. */
  private *renameRun(name: string): ThreadGenerator {
    if (this.runLabel.text() !== '') yield* this.runLabel.opacity(0, pace.fade / 2);
    this.runLabel.text(name);
    // From nothing, also on the first frame: a name popping in would jump at the loop's seam.
    this.runLabel.opacity(0);
    yield* this.runLabel.opacity(1, pace.fade / 2);
  }

  /** `default`, `strides=(2, 2)`, `dilation_rate=2, padding='same'`: the run as its arithmetic names it. */
  private runName(run: ConvSettingRun): string {
    if (run === this.record.runs[0]) return 'default';
    return [kerasArgument(run, this.setting), this.secondary ? kerasArgument(run, this.secondary) : ''].filter(Boolean).join(', ');
  }

  /** Takes the window's sum away (if one is up). */
  private *clearSum(): ThreadGenerator {
    if (this.sum.text() !== '') yield* this.sum.clear(HALF_FADE);
  }

  /**
   * One stop of the window: move, write the cell. A detailed stop also shows the window's
   * products and their sum, sends the sum to its cell, and keeps the sum up until it is read.
   */
  private *stop(
    index: number,
    outRow: number,
    outCol: number,
    pacing: StopPacing,
    keep?: {grid: number; row: number; col: number},
  ): ThreadGenerator {
    const run = this.record.runs[index];
    const map = this.outputs[index];
    const value = run.output[outRow][outCol];
    const origin = windowOrigin(outRow, outCol, run.stride, run.pad);
    const previous = previousCell(outRow, outCol, run.output[0].length);
    const unring = previous ? map.markCell(previous.row, previous.col, false, 0) : waitFor(0);
    const kept = keep ? this.outputs[keep.grid].markCell(keep.row, keep.col, true, pacing === 'quick' ? 0 : MEDIUM_WRITE) : waitFor(0);
    if (pacing === 'quick') {
      yield this.clearSum();
      // The window moves, then the number appears whole: no frame holds a half-drawn value.
      yield* all(unring, this.input.highlight(origin.row, origin.col, this.filter.rows, this.filter.cols, QUICK_STOP));
      yield* all(map.setValue(outRow, outCol, value, 0), kept);
      return;
    }
    const detailed = pacing === 'detailed';
    const t = detailed ? DETAILED_STEP : MEDIUM_MOVE;
    if (!detailed) yield this.clearSum();
    yield* all(
      unring,
      this.input.highlight(origin.row, origin.col, this.filter.rows, this.filter.cols, t),
      map.markCell(outRow, outCol, true, t / 2),
    );
    if (!detailed) {
      yield* all(map.setValue(outRow, outCol, value, MEDIUM_WRITE), kept);
      return;
    }
    const sum = windowSumLine(run.products[outRow][outCol].flat(), value);
    const shown = sceneTime();
    yield* this.sum.say(sum, t);
    // The sum travels from the window to its cell.
    yield* flyValue(this, formatValue(value, 0), {
      from: this.input.windowCentre(),
      to: map.cellPosition(outRow, outCol),
      appear: t / 3,
      travel: DETAILED_FLIGHT,
      fontWeight: 600,
    });
    yield* all(map.setValue(outRow, outCol, value, DETAILED_STEP), kept);
    yield* waitFor(DETAILED_BEAT);
    yield* holdToRead(shown, sum);
  }
}
