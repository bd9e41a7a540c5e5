/** For animations whose record has no inputs to set: any key under `animations.<name>` is an error. */
import {strict} from './schema';

export type NoParams = Record<string, never>;

export const NO_PARAMS: NoParams = {};

/** `animations.<name>` of an animation without parameters: an empty object. */
export const noParams = () => strict({}, {unknown: 'this animation takes no parameters'}).transform((): NoParams => NO_PARAMS);
