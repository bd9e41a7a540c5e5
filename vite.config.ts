import motionCanvasModule from '@motion-canvas/vite-plugin';
import {defineConfig} from 'vite';
import {activationsPlugin} from './src/editor/activationsPlugin';
import {editorExportPlugin} from './src/editor/exportPlugin';
import {EDITOR_MODULE, offlineEditorPlugin} from './src/editor/offlineEditor';
import {testScenesPlugin} from './src/render/testScenes';

// The plugin is CommonJS; under "type": "module" its default export arrives wrapped.
const motionCanvas = ((motionCanvasModule as unknown as {default?: typeof motionCanvasModule}).default ??
  motionCanvasModule) as typeof motionCanvasModule;

export default defineConfig({
  plugins: [
    motionCanvas({project: './scenes/project.ts', editor: EDITOR_MODULE}),
    activationsPlugin(),
    testScenesPlugin(),
    offlineEditorPlugin(),
    editorExportPlugin(),
  ],
  server: {host: '127.0.0.1'},
});
