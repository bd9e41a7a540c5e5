/** `--list`: each scene's name and length, measured by Motion Canvas itself in the render page. */
import type {SceneName} from './testScenes';
import type {SceneInfo} from '../frames/protocol';
import type {ActivationRecords} from '../animations/registry';
import {pageHash} from './pageBuild';
import {startSession} from './session';

/** Motion Canvas measures a scene by running it, so the scenes need their records. */
export async function listScenes(
  names: SceneName[],
  fps: number,
  records: Partial<ActivationRecords>,
  signal?: AbortSignal,
): Promise<SceneInfo[]> {
  const session = await startSession(pageHash(), () => {}, signal);
  try {
    const page = await session.openPage(() => {});
    const scenes = (await page.evaluate(`window.describeScenes(${fps}, ${JSON.stringify(records)})`)) as SceneInfo[];
    return scenes.filter(s => names.includes(s.name as SceneName));
  } finally {
    await session.close();
  }
}
