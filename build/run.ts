import { fileURLToPath } from 'node:url';
import { buildDist } from './build-dist.js';

/** `npm run build`: dist/ from the sources of this checkout. */
const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const result = await buildDist({ root, log: (line) => process.stderr.write(`build: ${line}\n`) });
const { timings } = result;
process.stderr.write(
  `build: dist/ in ${seconds(timings.total)} (tsc ${seconds(timings.tsc)}, dashboard ${seconds(timings.dashboard)}, workflow bundle ${seconds(timings.workflowBundle)}): ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB\n`,
);
