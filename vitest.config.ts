import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no servers, parallel) and `integ` (against the real local stack,
// one file at a time because some tests restart shared servers, and each file checks it leaves no
// namespaces behind). They use different pools on purpose: vitest runs different pools side by side
// but the files of one pool one group after another, so with both on `forks` all unit files ran
// before the first integ file, adding their whole run to the wall time. On `threads`, the unit files
// run while the integ files wait on the stack.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'threads',
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
