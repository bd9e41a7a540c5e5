/**
 * How error messages repeat what the user gave: in full up to ECHO_LIMIT characters, and
 * longer values cut in the middle (their start and their end, e.g. a path's file name),
 * so a 100,000-character name cannot make a 200 KB error line. Browser-safe: no imports.
 */
export const ECHO_LIMIT = 80;

/** `value` as an error message repeats it: at most ECHO_LIMIT characters, an ellipsis where it was cut. */
export function echo(value: string): string {
  if (value.length <= ECHO_LIMIT) return value;
  const keep = ECHO_LIMIT - 1;
  const head = Math.ceil(keep / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - (keep - head))}`;
}
