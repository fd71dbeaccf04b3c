import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { PARSE_LIMITS } from './limits.js';

/** Reads an init script by the (already checked) relative path the blueprint names. */
export type ScriptLoader = (
  script: string,
) => Promise<{ ok: true; content: string } | { ok: false; reason: string }>;

/**
 * Why a script path is not allowed, or undefined: scripts must be relative paths inside the
 * blueprint's directory, so a blueprint cannot read arbitrary files of the machine resolving it.
 */
export function scriptPathError(script: string): string | undefined {
  if (isAbsolute(script) || /^[A-Za-z]:[\\/]/.test(script) || script.startsWith('~')) {
    return `"${script}" is absolute: give a path relative to the blueprint file`;
  }
  const normalized = normalize(script.replaceAll('\\', '/'));
  if (normalized === '..' || normalized.startsWith(`..${sep}`) || normalized.startsWith('../')) {
    return `"${script}" leaves the blueprint's directory: keep scripts next to the blueprint`;
  }
  if (script.includes('\0')) return 'a path cannot contain NUL characters';
  return undefined;
}

/** sha256 of a script, hex: how plans and snapshots compare seeds. */
export function scriptHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Loads scripts from disk, relative to the blueprint's directory, refusing symlinks that lead outside. */
export function fileScriptLoader(opts: { baseDir: string; fileName: string }): ScriptLoader {
  return async (script) => {
    const full = join(opts.baseDir, script);
    try {
      const [realBase, realFile] = await Promise.all([realpath(opts.baseDir), realpath(full)]);
      const inside = relative(realBase, realFile);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return { ok: false, reason: `"${script}" leads outside the blueprint's directory (through a link)` };
      }
      const info = await stat(realFile);
      if (!info.isFile()) return { ok: false, reason: `"${script}" is not a file` };
      if (info.size > PARSE_LIMITS.maxScriptBytes) {
        return {
          ok: false,
          reason: `"${script}" is ${info.size} bytes; the limit is ${PARSE_LIMITS.maxScriptBytes} (use a snapshot for large seeds)`,
        };
      }
      return { ok: true, content: await readFile(realFile, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const where = join(dirname(opts.fileName), script);
      return {
        ok: false,
        reason:
          code === 'ENOENT'
            ? `"${script}" does not exist (looked for ${where})`
            : `cannot read "${script}" (${code})`,
      };
    }
  };
}

/** Loads scripts from a map given with an inline blueprint (path as the blueprint names it → content). */
export function sourceScriptLoader(scripts: Record<string, string>): ScriptLoader {
  const byPath = new Map(Object.entries(scripts).map(([path, content]) => [normalize(path), content]));
  return async (script) => {
    const content = byPath.get(normalize(script));
    if (content === undefined)
      return { ok: false, reason: `"${script}" was not supplied with the blueprint` };
    if (Buffer.byteLength(content, 'utf8') > PARSE_LIMITS.maxScriptBytes) {
      return { ok: false, reason: `"${script}" is larger than ${PARSE_LIMITS.maxScriptBytes} bytes` };
    }
    return { ok: true, content };
  };
}
