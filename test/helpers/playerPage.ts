/** Waiting for a <figure-player> in a puppeteer page: its steps read and its video playable, with the frames it shows logged. */
import type {Page} from 'puppeteer-core';

/** Waits until `selector`'s player knows its steps and its video has a frame, then records every frame it displays. */
export async function ready(page: Page, selector: string, minReadyState = 2): Promise<void> {
  await page.waitForFunction(
    (selector, minReadyState) => {
      const player = document.querySelector(selector) as (HTMLElement & {steps: unknown[]}) | null;
      const video = player?.shadowRoot?.querySelector('video');
      return !!video && player!.steps.length > 0 && video.readyState >= minReadyState;
    },
    {timeout: 30_000},
    selector,
    minReadyState,
  );
  await page.evaluate(selector => {
    const video = document.querySelector(selector)!.shadowRoot!.querySelector('video')!;
    const frames: number[] = ((window as unknown as {frames_: number[]}).frames_ = []);
    const follow = () => video.requestVideoFrameCallback((_now, frame) => (frames.push(frame.mediaTime), follow()));
    follow();
  }, selector);
}
