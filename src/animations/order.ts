/**
 * The animations' order, from the positions their folders declare. Both runtimes call this: the
 * browser with `import.meta.glob` over `src/animations/*\/browser.ts`, Node with its folder scan.
 * Browser-safe.
 */

/** Names sorted by position; `positions` maps a name (or a path ending in `/<name>/browser.ts`) to its position. */
export function namesByPosition(positions: Record<string, number>): string[] {
  const entries = Object.entries(positions).map(([key, position]) => [nameOf(key), position] as const);
  const byPosition = new Map<number, string>();
  for (const [name, position] of entries) {
    if (!Number.isInteger(position) || position < 1)
      throw new Error(`animation ${name}: POSITION must be a whole number from 1, got ${position}`);
    const other = byPosition.get(position);
    if (other !== undefined) throw new Error(`animations ${other} and ${name} both take position ${position}; give each its own`);
    byPosition.set(position, name);
  }
  return entries.sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

function nameOf(key: string): string {
  const match = /([^/]+)\/browser\.ts$/.exec(key);
  return match ? match[1] : key;
}
