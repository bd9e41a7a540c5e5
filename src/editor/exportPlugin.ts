/**
 * The editor's exporters, registered the way Motion Canvas plugins are: a vite plugin whose
 * Motion Canvas options name the runtime entry (client/plugin.ts, which adds "GIF (project
 * encoder)" and "GIF + MP4 + AVIF (project encoders)" to Video Settings → Rendering), and whose
 * server side receives the frames and encodes them with the CLI's encoders (exportServer.ts).
 * Files go to `output/` (EDITOR_OUT_DIR moves them; the tests use a scratch folder).
 */
import {join} from 'node:path';
import {PLUGIN_OPTIONS, type Plugin as MotionCanvasPlugin} from '@motion-canvas/vite-plugin/lib/plugins';
import {PROJECT_ROOT} from '../paths';
import {removeStaleTemporaries} from '../util/atomicWrite';
import {EditorExports} from './exportServer';

/** The runtime plugin, as the browser imports it (root-relative). */
const CLIENT_ENTRY = '/src/editor/client/plugin.ts';

export function editorExportPlugin(outDir = process.env.EDITOR_OUT_DIR ?? join(PROJECT_ROOT, 'output')): MotionCanvasPlugin {
  return {
    name: 'four-dl-layers:editor-export',
    apply: 'serve',
    [PLUGIN_OPTIONS]: {entryPoint: CLIENT_ENTRY},
    configureServer(server) {
      // A server killed mid-render leaves its temporaries (an ffmpeg output, say) behind.
      const removed = removeStaleTemporaries(outDir);
      if (removed.length > 0) server.config.logger.info(`removed ${removed.length} unfinished file(s) of an earlier run from ${outDir}: ${removed.join(', ')}`);
      const exports = new EditorExports(outDir);
      server.middlewares.use(exports.handle);
      server.httpServer?.once('close', () => exports.close());
    },
  };
}
