import type { Command } from 'commander';
import { lineProgress } from '../../local/stack/progress.js';
import { DemoError, formatDemo, runDemo } from '../demo/run-demo.js';
import { ExitCode } from '../exit-codes.js';

/**
 * `microstax demo`: on the running local stack (`npm run demo` brings it up first), starts the
 * control plane (worker and API) when it is not running, creates the checkout-dev example
 * environment (the same one on every run) and prints where everything is.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'start the worker and API on the local stack, create the checkout-dev example environment, and show its URLs',
    )
    .option('--json', 'print the result as JSON (progress still goes to stderr)')
    .addHelpText(
      'after',
      `
Needs the local stack (\`node bin/microstax.js stack up\`, or \`npm run demo\` which runs it first).
Idempotent: a second run finds the running worker, API and environment. The worker and API log to
.microstax/stack/logs/{worker,api}.log and stop with \`stack down\`; the demo's admin token is kept in
.microstax/stack/demo-token (mode 0600) and never printed.`,
    )
    .action(async (opts: { json?: boolean }) => {
      const json = Boolean(opts.json);
      try {
        const result = await runDemo({ progress: lineProgress() });
        process.stdout.write(
          json ? `${JSON.stringify({ ok: true, ...result }, null, 2)}\n` : formatDemo(result),
        );
      } catch (error) {
        if (!(error instanceof DemoError)) throw error;
        if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: error.toJSON() }, null, 2)}\n`);
        const details = [
          `microstax demo: ${error.params.part} failed: ${error.message}`,
          error.params.logFile ? `log: ${error.params.logFile}` : undefined,
          error.params.fix ? `fix: ${error.params.fix}` : undefined,
        ].filter((line): line is string => line !== undefined && !error.message.includes(line.slice(5)));
        process.stderr.write(`${details.join('\n  ')}\n`);
        process.exitCode = ExitCode.Failure;
      }
    });
}
