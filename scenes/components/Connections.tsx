/**
 * Every neuron of one column wired to every neuron of the next. Each edge is
 * coloured by its weight's sign and sized by its magnitude (one connection object
 * per layer pair, as ManimML does).
 */
import {Line, Node, type NodeProps} from '@motion-canvas/2d';
import {all, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {pace} from '../../src/shared/theme';
import {edgeWidth, maxAbs} from './layout';
import {ellipseExit} from './networkLayout';
import type {NeuronColumn} from './NeuronColumn';
import {sceneTheme, type Themed} from '../kit/theme';

export interface ConnectionsProps extends NodeProps, Themed {
  from: NeuronColumn;
  to: NeuronColumn;
  /** `[from][to]`, as a Keras kernel. */
  weights: readonly (readonly number[])[];
}

const RESTING_OPACITY = 0.55;
const DIMMED_OPACITY = 0.12;

export class Connections extends Node {
  /** lines[i][j] joins from-neuron i to to-neuron j. */
  private readonly lines: Line[][];

  constructor(props: ConnectionsProps) {
    super(props);
    const {theme = sceneTheme(), from, to, weights} = props;
    const largest = maxAbs(weights);
    const [negative, , positive] = theme.diverging;
    this.lines = weights.map((row, i) =>
      row.map((w, j) => {
        const a = from.anchor(i);
        const b = to.anchor(j);
        const dir = b.sub(a).normalized;
        // Round neurons: the edge starts and ends on the circle; flattened ones: on the ellipse.
        const exit = (column: NeuronColumn) =>
          column.radiusY === column.radius
            ? dir.scale(column.radius)
            : new Vector2(ellipseExit(dir.x, dir.y, column.radius, column.radiusY));
        const line = (
          <Line
            points={[a.add(exit(from)), b.sub(exit(to))]}
            stroke={w < 0 ? negative : positive}
            lineWidth={edgeWidth(w, largest)}
            opacity={RESTING_OPACITY}
          />
        ) as Line;
        this.add(line);
        return line;
      }),
    );
  }

  /** Brings the edges into neuron j forward and dims the rest. */
  *focusTarget(j: number, duration = pace.fade / 2): ThreadGenerator {
    yield* all(...this.lines.flatMap(row => row.map((line, k) => line.opacity(k === j ? 1 : DIMMED_OPACITY, duration))));
  }

  /** Dims every edge of this layer pair (another layer is active). */
  *dim(duration = pace.fade / 2): ThreadGenerator {
    yield* all(...this.lines.flat().map(line => line.opacity(DIMMED_OPACITY, duration)));
  }

  /** Back to the resting look. */
  *rest(duration = pace.fade / 2): ThreadGenerator {
    yield* all(...this.lines.flat().map(line => line.opacity(RESTING_OPACITY, duration)));
  }
}
