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

/** The render was stopped by SIGINT or SIGTERM. */
export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; outputs already in place were left untouched`);
    this.name = 'InterruptedError';
  }
}
