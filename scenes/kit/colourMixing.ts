/**
 * Every colour tween mixes in sRGB, as a fade does. Motion Canvas mixes colours in LCH by
 * default, where the hue turns on the way: a dark-purple cell emptying to grey passed through
 * maroon, a colour that stands for no value. This swaps that default once, for every colour
 * signal, in the editor and the render alike; a tween that names its own mixing keeps it.
 */
import {Color, SignalContext} from '@motion-canvas/core';

type Mix = (from: unknown, to: unknown, value: number) => unknown;
// `tween` is protected in the typings; every animated signal change goes through it.
const proto = SignalContext.prototype as unknown as {tween(value: unknown, duration: number, timing: unknown, mix: Mix): unknown};
const tween = proto.tween;
const defaultMix = Color.lerp as Mix;
const srgbMix = Color.createLerp('rgb') as Mix;

proto.tween = function (value, duration, timing, mix) {
  return tween.call(this, value, duration, timing, mix === defaultMix ? srgbMix : mix);
};
