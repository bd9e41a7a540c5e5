/**
 * The editor's exporters, registered the way Motion Canvas plugins are: a vite plugin whose
 * Motion Canvas options name the runtime entry (client/plugin.ts, which adds "GIF (project
 * encoder)" and "GIF + MP4 + AVIF (project encoders)" to Video Settings → Rendering), and whose
 * server side receives the frames and encodes them with the CLI's encoders (exportServer.ts).
 * Files go to `output/` (EDITOR_OUT_DIR moves them; the tests use a scratch folder).
 * The routes take requests only from the editor's own page, which alone gets the server's
 * token (`virtual:export-token`: vite serves modules to its own origin and rejects
 * foreign Hosts, so no other site can read it).
 */
import {join} from 'node:path';
import {PLUGIN_OPTIONS, type Plugin as MotionCanvasPlugin} from '@motion-canvas/vite-plugin/lib/plugins';
import {PROJECT_ROOT} from '../paths';
import {editorScenes} from '../render/testScenes';
import {removeStaleTemporaries} from '../util/atomicWrite';
import {boundPort, newToken, type RouteGuard} from '../util/requestGuard';
import {EditorExports} from './exportServer';

/** The runtime plugin, as the browser imports it (root-relative). */
const CLIENT_ENTRY = '/src/editor/client/plugin.ts';

/** Not `virtual:editor…`: Motion Canvas's plugin answers every id that starts so with its editor's bootstrap. */
const TOKEN_MODULE = 'virtual:export-token';
const RESOLVED_TOKEN_MODULE = '\0' + TOKEN_MODULE;

export function editorExportPlugin(outDir = process.env.EDITOR_OUT_DIR ?? join(PROJECT_ROOT, 'output')): MotionCanvasPlugin {
  const token = newToken();
  return {
    name: 'four-dl-layers:editor-export',
    apply: 'serve',
    [PLUGIN_OPTIONS]: {entryPoint: CLIENT_ENTRY},
    resolveId: id => (id === TOKEN_MODULE ? RESOLVED_TOKEN_MODULE : undefined),
    load: id => (id === RESOLVED_TOKEN_MODULE ? `export default ${JSON.stringify(token)};` : undefined),
    configureServer(server) {
      // A server killed mid-render leaves its temporaries (an ffmpeg output, say) behind.
      const removed = removeStaleTemporaries(outDir);
      if (removed.length > 0)
        server.config.logger.info(`removed ${removed.length} unfinished file(s) of an earlier run from ${outDir}: ${removed.join(', ')}`);
      // The port read per request: vite moves off its port when that one is busy.
      const guard: RouteGuard = {token, port: () => boundPort(server.httpServer)};
      const exports = new EditorExports(outDir, guard, editorScenes());
      server.middlewares.use(exports.handle);
      server.httpServer?.once('close', () => exports.close());
    },
  };
}
