/**
 * Scenes report when each storyboard step begins; the render page collects the
 * reports (for caption tracks). Motion Canvas runs a scene twice (to measure, then
 * to render), so reports are keyed by scene and time and deduplicated.
 */
import {useScene, useThread} from '@motion-canvas/core';

export interface StepReport {
  scene: string;
  /** Seconds from the scene's start. */
  time: number;
  text: string;
}

declare global {
  interface Window {
    __sceneSteps?: Map<string, StepReport>;
    __scenePosters?: Map<string, number>;
    __sceneHoldEnds?: Map<string, number>;
  }
}

/**
 * Marks the current moment as the scene's poster: the still shown to readers who
 * prefer reduced motion, so pick the most telling moment, not frame 0.
 */
export function reportPoster(): void {
  (window.__scenePosters ??= new Map()).set(useScene().name, useThread().time());
}

/** The poster time a scene reported, in seconds from its start. */
export function posterOf(scene: string): number | undefined {
  return window.__scenePosters?.get(scene);
}

export function reportStep(text: string): void {
  const scene = useScene().name;
  const time = useThread().time();
  const steps = (window.__sceneSteps ??= new Map());
  steps.set(`${scene}@${time.toFixed(4)}`, {scene, time, text});
}

/** Marks the current moment as the end of the last step's hold: the caption starts to leave and the loop resets. */
export function reportHoldEnd(): void {
  (window.__sceneHoldEnds ??= new Map()).set(useScene().name, useThread().time());
}

/** When the scene's last step stops being held, in seconds from its start (the drawn-text log's last held frame). */
export function holdEndOf(scene: string): number | undefined {
  return window.__sceneHoldEnds?.get(scene);
}

/** The steps reported so far for one scene, in time order. */
export function stepsOf(scene: string): StepReport[] {
  return [...(window.__sceneSteps?.values() ?? [])].filter(s => s.scene === scene).sort((a, b) => a.time - b.time);
}
