/**
 * A path joined under a folder, only if it stays inside it: request text and names never reach
 * a path that climbs out (`../`) or starts elsewhere (an absolute part).
 */
import {isAbsolute, relative, resolve, sep} from 'node:path';

/** `folder/part…` resolved, or undefined when it would not lie strictly inside `folder`. */
export function joinInside(folder: string, ...parts: string[]): string | undefined {
  const path = resolve(folder, ...parts.map(part => `./${part}`));
  const rel = relative(resolve(folder), path);
  const climbs = rel === '..' || rel.startsWith(`..${sep}`);
  return rel !== '' && !climbs && !isAbsolute(rel) ? path : undefined;
}
