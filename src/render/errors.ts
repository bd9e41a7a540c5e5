/** Errors the renderer reports to the CLI: each names the scene and, where known, the frame. */

export class RenderError extends Error {
  constructor(
    message: string,
    readonly scene?: string,
    readonly frame?: number,
  ) {
    super(scene ? `${scene}${frame === undefined ? '' : ` (frame ${frame})`}: ${message}` : message);
    this.name = 'RenderError';
  }
}

/** `--range` ends after the scene does: bad input, found once the scene is measured. */
export class RangeOutsideSceneError extends RenderError {
  constructor(scene: string, range: {start: number; end: number}, sceneSeconds: number) {
    super(
      `--range: ${range.start}:${range.end} ends after the scene, which is ${sceneSeconds.toFixed(2)} s long; give an END of at most ${+sceneSeconds.toFixed(3)}`,
      scene,
    );
    this.name = 'RangeOutsideSceneError';
  }
}

/** The render was stopped by SIGINT or SIGTERM. */
export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; outputs already in place were left untouched`);
    this.name = 'InterruptedError';
  }
}

/** Chromium went away while `scene` was rendering; `lastFrame` is the last frame that reached Node (-1: none). */
export class BrowserExitedError extends RenderError {
  constructor(
    scene: string,
    readonly lastFrame: number,
    readonly total: number,
  ) {
    super(`Chromium exited unexpectedly ${browserExitedWhere(lastFrame, total)}`, scene);
    this.name = 'BrowserExitedError';
  }
}

function browserExitedWhere(lastFrame: number, total: number): string {
  return lastFrame < 0 ? 'before its first frame' : `after frame ${lastFrame} of ${total}`;
}

/**
 * One failure for a browser that died under several scenes: where each stopped, which never
 * started, and what to try, instead of the same cause once per scene.
 */
export function browserExitedFailure(exits: readonly BrowserExitedError[], notStarted: readonly string[]): RenderError {
  const where = exits.map(e => `${e.scene}: ${browserExitedWhere(e.lastFrame, e.total)}`);
  if (notStarted.length > 0) where.push(`${notStarted.join(', ')}: not started`);
  return new RenderError(
    `Chromium exited unexpectedly during the render (${where.join('; ')}); outputs already in place are untouched. ` +
      'Run the render again; if Chromium keeps exiting, check free memory (dmesg) or set CHROME_PATH to another Chromium',
  );
}
