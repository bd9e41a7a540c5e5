/**
 * A value flying into its cell: a sum leaves the products (or the window, or a table) in the
 * accent and travels to the cell of the map it fills, which then shows it. The scene writes
 * the cell itself once the flight lands.
 */
import {type Node, Rect, Txt} from '@motion-canvas/2d';
import {all, type PossibleVector2, type ThreadGenerator} from '@motion-canvas/core';
import {fonts, sizes} from '../../src/shared/theme';
import {sceneTheme} from './theme';

export interface Flight {
  from: PossibleVector2;
  to: PossibleVector2;
  /** Seconds it fades in at `from` before it leaves; 0: it is there from the start. */
  appear: number;
  /** Seconds the travel takes. */
  travel: number;
  /** Runs alongside the travel (ringing the target cell). */
  during?: ThreadGenerator;
  /** Seconds it fades out once landed, alongside `landing`; 0: it just goes. */
  vanish?: number;
  landing?: ThreadGenerator;
  fontSize?: number;
  fontWeight?: number;
  /** On a chip of the background, so the number stays readable as it crosses colour. */
  chip?: boolean;
}

/** Flies `text` from `from` to `to` under `parent`, then removes it. */
export function* flyValue(parent: Node, text: string, flight: Flight): ThreadGenerator {
  const {from, to, appear, travel, during, vanish = 0, landing, fontSize = sizes.caption, fontWeight, chip = false} = flight;
  const theme = sceneTheme();
  const weight = fontWeight === undefined ? {} : {fontWeight};
  const flying = chip
    ? ((
        <Rect layout padding={[1, 4]} radius={3} fill={theme.background} position={from} opacity={appear > 0 ? 0 : 1}>
          <Txt text={text} fontFamily={fonts.mono} fontSize={fontSize} fill={theme.accent} {...weight} />
        </Rect>
      ) as Rect)
    : ((
        <Txt
          text={text}
          fontFamily={fonts.mono}
          fontSize={fontSize}
          {...weight}
          fill={theme.accent}
          position={from}
          opacity={appear > 0 ? 0 : 1}
        />
      ) as Txt);
  parent.add(flying);
  if (appear > 0) yield* flying.opacity(1, appear);
  yield* during ? all(during, flying.position(to, travel)) : flying.position(to, travel);
  if (vanish > 0) yield* landing ? all(flying.opacity(0, vanish), landing) : flying.opacity(0, vanish);
  flying.remove();
}
