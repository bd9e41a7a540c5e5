import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Node-only tests; the browser work happens in a real Chromium driven by the renderer.
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
