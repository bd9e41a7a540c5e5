import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // One shared half-size render of every animation, reused by the browser-heavy files.
    globalSetup: ['test/renderSetup.ts'],
    // 2 cores: browser-heavy files would fight over them, so files run one at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
