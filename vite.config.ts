import motionCanvasModule from '@motion-canvas/vite-plugin';
import {defineConfig} from 'vite';
import {activationsPlugin} from './src/render/activationsPlugin';
import {testScenesPlugin} from './src/render/testScenes';

// The plugin is CommonJS; under "type": "module" its default export arrives wrapped.
const motionCanvas = ((motionCanvasModule as unknown as {default?: typeof motionCanvasModule}).default ??
  motionCanvasModule) as typeof motionCanvasModule;

export default defineConfig({
  plugins: [motionCanvas({project: './scenes/project.ts'}), activationsPlugin(), testScenesPlugin()],
  server: {host: '127.0.0.1'},
});
