/**
 * The one theme: colours, fonts, sizes and pacing for every scene. No hex literal
 * appears anywhere else in scenes/. Light and dark share structure; a scene picks
 * one from the project variable `theme` (see `themeFor`).
 */
import {divergingPosition, interpolateStops, readableOn} from './colors';

export type ThemeName = 'light' | 'dark';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark'];

export interface Theme {
  name: ThemeName;
  background: string;
  /** Panels and empty cells. */
  surface: string;
  /** Lines, outlines and inactive edges. */
  stroke: string;
  text: string;
  muted: string;
  /** The highlight for "this is happening now". */
  accent: string;
  /** Stops of the colour-blind-safe diverging map, negative → zero → positive. */
  diverging: readonly string[];
  /** Stops of the sequential map for non-negative values (viridis). */
  sequential: readonly string[];
  /** Okabe–Ito categorical colours. */
  categories: {orange: string; sky: string; green: string; yellow: string; blue: string; vermillion: string; purple: string};
  /** Text colours to pick from on coloured fills. */
  onFill: {dark: string; light: string};
}

// Okabe–Ito: distinguishable under the common colour-vision deficiencies.
const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
};

// viridis sampled at 9 even stops; interpolated in OKLab between them.
const VIRIDIS = ['#440154', '#472D7B', '#3B528B', '#2C728E', '#21918C', '#28AE80', '#5EC962', '#ADDC30', '#FDE725'];

export const LIGHT: Theme = {
  name: 'light',
  background: '#FBFBF8',
  surface: '#EEEEEA',
  stroke: '#B8B8B2',
  text: '#1D2126',
  muted: '#5B616B',
  accent: '#D55E00',
  // Moreland's cool–warm.
  diverging: ['#3B4CC0', '#DDDDDD', '#B40426'],
  sequential: VIRIDIS,
  categories: OKABE_ITO,
  // Pure black: #111 reaches only 4.35:1 on the mid-tones of the colour maps.
  onFill: {dark: '#000000', light: '#FFFFFF'},
};

export const DARK: Theme = {
  name: 'dark',
  background: '#15181D',
  surface: '#22262D',
  stroke: '#4A505A',
  text: '#E8EAED',
  muted: '#A3A9B3',
  accent: '#E69F00',
  // Same hues as the light map, with a dark neutral so zero recedes into the background.
  diverging: ['#6A8CFF', '#4B4F57', '#FF5A5F'],
  sequential: VIRIDIS,
  categories: OKABE_ITO,
  // Pure black: #111 reaches only 4.35:1 on the mid-tones of the colour maps.
  onFill: {dark: '#000000', light: '#FFFFFF'},
};

export function themeFor(name: string): Theme {
  return name === 'dark' ? DARK : LIGHT;
}

export const fonts = {
  /** Captions and titles. */
  sans: 'Inter',
  /** Numbers: monospaced, tabular digits, so values do not jitter as they change. */
  mono: 'JetBrains Mono',
};

/** Sizes in scene units at the default 960×540 output (1 unit = 1 output pixel at scale 1). */
export const sizes = {
  title: 28,
  caption: 20,
  value: 18,
  small: 16,
  line: 2,
};

/** Shared pacing, in seconds, so every animation moves at the same speed. */
export const pace = {
  fade: 0.35,
  move: 0.5,
  step: 0.9,
  quickStep: 0.3,
  hold: 1.2,
};

/** Fill for a signed value on the theme's diverging map, saturating at ±range. */
export function divergingColor(theme: Theme, value: number, range: number): string {
  return interpolateStops(theme.diverging, divergingPosition(value, range));
}

/** Fill for a value in [0, 1] on the sequential map. */
export function sequentialColor(theme: Theme, t: number): string {
  return interpolateStops(theme.sequential, t);
}

/** Text colour with the best contrast on a fill. */
export function textOn(theme: Theme, fill: string): string {
  return readableOn(fill, theme.onFill.dark, theme.onFill.light);
}
