/**
 * The editor page without requests to other hosts. The stock page loads a highlight.js theme
 * from a CDN, Roboto and JetBrains Mono from Google Fonts (two @imports in the UI's stylesheet)
 * and asks the npm registry for the latest @motion-canvas/core. Here:
 *
 * - `EDITOR_MODULE` is given to the Motion Canvas plugin's `editor` option; its folder holds our
 *   `editor.html` (no CDN link, the update check shimmed) and `style.css` (the fonts and theme
 *   from npm packages, then the stock stylesheet);
 * - this plugin strips the stock stylesheet's remote @imports as vite serves it, and answers
 *   the shimmed update check with the installed version.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import type {Plugin} from 'vite';
import {PROJECT_ROOT} from '../paths';

/** The module whose folder holds editor.html and style.css. */
export const EDITOR_MODULE = join(PROJECT_ROOT, 'src/editor/ui/index.ts');
const STYLESHEET = join(PROJECT_ROOT, 'src/editor/ui/style.css');
/** Where the shimmed update check is answered (see ui/editor.html). */
const VERSION_ROUTE = '/__editor/core-version';

/** `@import "https://…";` or `@import url(https://…);`: a stylesheet on another host. */
const REMOTE_IMPORT = /@import\s*(?:url\(\s*)?["']?https?:\/\/[^;]*;/g;

export function offlineEditorPlugin(): Plugin {
  const require = createRequire(import.meta.url);
  const coreVersion = (JSON.parse(readFileSync(require.resolve('@motion-canvas/core/package.json'), 'utf8')) as {version: string}).version;
  return {
    name: 'four-dl-layers:offline-editor',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url !== VERSION_ROUTE) return next();
        // The installed core is the newest the offline editor knows of: no "update available".
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({version: coreVersion}));
      });
    },
    // After vite:css has inlined the @imports of our style.css, the stock sheet's remote ones remain.
    transform(code, id) {
      if (id.split('?')[0] !== STYLESHEET) return undefined;
      return {code: code.replace(REMOTE_IMPORT, ''), map: null};
    },
  };
}
