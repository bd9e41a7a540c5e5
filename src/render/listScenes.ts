/** `--list`: each scene's name and length, measured by Motion Canvas itself in the render page. */
import type {SceneName} from './testScenes';
import type {SceneInfo} from '../frames/protocol';
import {preparePage, startSession} from './session';

export async function listScenes(names: SceneName[], fps: number, signal?: AbortSignal): Promise<SceneInfo[]> {
  const session = await startSession((await preparePage(() => {})).hash, () => {}, signal);
  try {
    const page = await session.openPage(() => {});
    const scenes = (await page.evaluate(`window.describeScenes(${fps})`)) as SceneInfo[];
    return scenes.filter(s => names.includes(s.name as SceneName));
  } finally {
    await session.close();
  }
}
