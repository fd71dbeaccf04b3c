import type { Command } from 'commander';
import { ImageError } from '../../local/images/errors.js';
import { formatBytes } from '../../local/images/image-builder.js';
import { ensureImages } from '../../local/images/index.js';
import { resolveStackConfig } from '../../local/stack/config.js';
import { StackError } from '../../local/stack/errors.js';
import { forgetNodeImages } from '../../local/stack/node/node-images.js';
import { formatDuration, lineProgress, silentProgress } from '../../local/stack/progress.js';
import { recordedPorts } from '../../local/stack/stack.js';
import { readStackState } from '../../local/stack/state.js';
import { ExitCode } from '../exit-codes.js';

/** The local registry's address: the stack's `registry` port, shifted like the recorded stack's. */
async function defaultRegistry(): Promise<string> {
  const config = resolveStackConfig();
  const state = await readStackState(config.stateFile).catch(() => undefined);
  return `127.0.0.1:${recordedPorts(config, state).ports.registry}`;
}

/** `microstax stack images`: build the example images and publish them to the local registry. */
export function register(program: Command): void {
  const stack = program.commands.find((command) => command.name() === 'stack');
  if (!stack) throw new Error('register the stack command before stack images');
  stack
    .command('images')
    .description(
      'build the images the examples need (Debian packages, no Docker daemon; cached) and push what the local registry lacks',
    )
    .option('--registry <host:port>', "the registry to publish to (default: the stack's registry port)")
    .option(
      '--only <ids>',
      'build and push only these images (comma-separated build ids, parents included); `microstax` is MicroStax itself, which only this option builds',
      (value: string) =>
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
    )
    .option('--json', 'print the published images as JSON on stdout')
    .addHelpText(
      'after',
      `
Builds are cached in ~/.cache/microstax/images (MICROSTAX_CACHE_DIR) as one OCI layout, keyed by each
image's definition; a second run builds and pushes nothing. Build logs: <cache>/images/logs/<image>.log.
Names kept from the blueprints: docker.io/library/postgres:16-alpine -> <registry>/library/postgres:16-alpine.
A tag pushed again is dropped from the real node's containerd (its pods pull IfNotPresent), so the
node's next pod of it pulls the new image.

--only microstax builds the MicroStax image (ghcr.io/microstax/microstax:<version>) from this checkout:
npm run build first when dist/ is missing or older than the sources, then Debian trixie's nodejs and
PostgreSQL client, dist/ and the production node_modules under /app. stack up never builds it.`,
    )
    .action(async (opts: { registry?: string; only?: string[]; json?: boolean }) => {
      try {
        const registry = opts.registry ?? (await defaultRegistry());
        const result = await ensureImages({
          registry,
          progress: opts.json ? silentProgress : lineProgress(),
          ...(opts.only ? { only: opts.only } : {}),
        });
        // A tag pushed again reaches the real node only once it forgets its copy.
        const nodeWillPull = await forgetNodeImages(
          resolveStackConfig(),
          result.images.filter((image) => image.push === 'pushed').map((image) => image.reference),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ok: true, ...result, nodeWillPull }, null, 2)}\n`);
          return;
        }
        const built = result.builds.filter((build) => !build.cached).map((build) => build.id);
        const pushed = result.images.filter((image) => image.push === 'pushed').length;
        const lines = [
          `images in ${registry} (${built.length > 0 ? `built ${built.join(', ')}` : 'all cached'}, ${pushed} pushed) in ${formatDuration(result.totalMs)}`,
          ...result.images.map(
            (image) =>
              `  ${image.reference.padEnd(46)} ${image.digest.slice(0, 19)}  ${formatBytes(image.size).padStart(9)}  ${image.push}`,
          ),
          ...(nodeWillPull.length > 0
            ? [
                `the real node dropped its old copy of ${nodeWillPull.join(', ')}: its next pod pulls the new one`,
              ]
            : []),
          '',
        ];
        process.stdout.write(lines.join('\n'));
      } catch (error) {
        if (!(error instanceof ImageError || error instanceof StackError)) throw error;
        if (opts.json)
          process.stdout.write(`${JSON.stringify({ ok: false, error: error.toJSON() }, null, 2)}\n`);
        process.stderr.write(`microstax: ${error.message}\n`);
        process.exitCode = ExitCode.Failure;
      }
    });
}
