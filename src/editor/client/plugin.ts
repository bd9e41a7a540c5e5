/**
 * The runtime side of the editor plugin (registered by src/editor/exportPlugin.ts): the two
 * exporters in Video Settings → Rendering, the live records' messages in the editor's log, and
 * a preview redrawn once the scenes' fonts have loaded (its first frame is drawn before, with a
 * fallback face).
 */
import {type Logger, makePlugin, type Renderer} from '@motion-canvas/core';
import {loadSceneFonts} from '../../page/fonts';
import {exporterClass} from './ProjectExporter';
import {logRecordUpdates} from './recordLog';

export default makePlugin(() => {
  let renderer: Renderer | undefined;
  let logger: Logger | undefined;
  const current = () => renderer;
  return {
    name: 'four-dl-layers/editor',
    exporters: () => [exporterClass('gif', current), exporterClass('gif-video', current)],
    renderer(editorRenderer) {
      renderer = editorRenderer;
    },
    project(project) {
      logger = project.logger;
      logRecordUpdates(project.logger);
    },
    player(player) {
      loadSceneFonts().then(
        () => player.requestRender(),
        error => logger?.error(error),
      );
    },
  };
});
