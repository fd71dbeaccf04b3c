// Plain JavaScript (no build, no tsx) so the launcher can ask it before choosing what to run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether `${root}/${distDir}` is complete and newer than every input; the reason when it is not.
 * `inputs` (paths relative to `root`) default to the list the build wrote into its stamp file.
 */
export function distFreshness({ root, distDir = 'dist', stamp = '.build-complete', inputs }) {
  const stampFile = path.join(root, distDir, stamp);
  const built = statOrUndefined(stampFile);
  if (!built) return { fresh: false, reason: `${distDir}/ has not been built (or its build did not finish)` };
  const list = inputs ?? stampInputs(stampFile);
  if (!list) return { fresh: false, reason: `${distDir}/${stamp} does not list the build's inputs` };
  for (const input of list) {
    const newer = newerFile(path.join(root, input), built.mtimeMs);
    if (newer) return { fresh: false, reason: `${path.relative(root, newer)} changed after the last build` };
  }
  return { fresh: true };
}

/** The inputs a build recorded in its stamp (`{ "inputs": [...] }`), if it did. */
function stampInputs(stampFile) {
  try {
    const inputs = JSON.parse(readFileSync(stampFile, 'utf8')).inputs;
    return Array.isArray(inputs) ? inputs : undefined;
  } catch {
    return undefined;
  }
}

/** The first file under `target` (a file or directory) modified after `since`, if any. */
function newerFile(target, since) {
  const info = statOrUndefined(target);
  if (!info) return undefined;
  if (!info.isDirectory()) return info.mtimeMs > since ? target : undefined;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    // Documentation beside the sources changes nothing in dist/.
    if (entry.name === 'node_modules' || entry.name.endsWith('.md')) continue;
    const newer = newerFile(path.join(target, entry.name), since);
    if (newer) return newer;
  }
  return undefined;
}

function statOrUndefined(file) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
