import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts its own server (own port, own data dir) and browser: two files at a time.
          maxWorkers: 2,
        },
      },
    ],
  },
});
