import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no servers, parallel) and `integ` (against the real local stack,
// one file at a time because some tests restart shared servers).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integ',
          include: ['test/integ/**/*.test.ts'],
          globalSetup: ['test/integ/global-setup.ts'],
          setupFiles: ['test/integ/no-leftover-namespaces.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
