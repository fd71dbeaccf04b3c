import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../stack/config.js';
import { ImageError } from './errors.js';

const run = promisify(execFile);
/** The pause image's Go module in the checkout (also when this runs compiled from dist/). */
const PAUSE_MODULE = path.join(REPO_ROOT, 'local', 'images', 'pause');

/**
 * Builds the pod sandbox binary (images/pause) with the machine's Go: static (CGO_ENABLED=0),
 * stripped, without the checkout path baked in, so the same source gives the same bytes.
 */
export async function buildPauseBinary(): Promise<Buffer> {
  const out = await mkdtemp(path.join(tmpdir(), 'microstax-pause-'));
  try {
    const binary = path.join(out, 'pause');
    await run(
      'go',
      ['build', '-trimpath', '-buildvcs=false', '-ldflags=-s -w -buildid=', '-o', binary, '.'],
      {
        cwd: PAUSE_MODULE,
        env: { ...process.env, CGO_ENABLED: '0', GOOS: 'linux', GOFLAGS: '-mod=mod' },
      },
    ).catch((error: { stderr?: string }) => {
      throw new ImageError(
        'build-failed',
        `go build of ${PAUSE_MODULE} failed: ${error.stderr ?? String(error)}`,
        {
          image: 'pause',
          step: 'go build',
          fix: 'install Go >= 1.24 (the stack needs it anyway) and check `go build` in images/pause',
        },
      );
    });
    return await readFile(binary);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
