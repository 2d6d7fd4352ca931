import { defineConfig } from 'vitest/config';

// End-to-end tests drive the real built extension and the built CLI in real
// Chromium. They share one machine with 2 cores: run files one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
