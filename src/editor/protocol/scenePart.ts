/**
 * Which frames of a scene an editor render covers. The editor plays every scene in one
 * timeline: scene k holds the timeline's frames [firstFrame, lastFrame), and its frame
 * `lastFrame` is the next scene's first (or, for the last scene, the loop's return to its
 * own frame 0, which the frame rule leaves out). Browser-safe and pure.
 */

export interface TimelineScene {
  name: string;
  firstFrame: number;
  lastFrame: number;
}

/** A scene's share of the timeline frames [from, to), in frames of the scene. */
export interface ScenePart {
  scene: string;
  first: number;
  end: number;
  sceneFrames: number;
}

/** The part of `scene` inside the timeline frames [from, to); undefined when they do not meet. */
export function scenePart(scene: TimelineScene, from: number, to: number): ScenePart | undefined {
  const first = Math.max(from, scene.firstFrame);
  const end = Math.min(to, scene.lastFrame);
  if (end <= first) return undefined;
  return {scene: scene.name, first: first - scene.firstFrame, end: end - scene.firstFrame, sceneFrames: scene.lastFrame - scene.firstFrame};
}
