import { ImageError } from './errors.js';

/**
 * Bundles a TypeScript app of this repository (and its npm dependencies) into one CommonJS file
 * for Debian bookworm's nodejs (18), so the image needs no node_modules. The output is
 * deterministic: the same sources give the same bytes, and so the same cache key.
 */
export async function bundleApp(options: {
  entry: string;
  /** Identifiers replaced by string constants at build time, e.g. `{ CHECKOUT_VERSION: '2.0' }`. */
  define?: Record<string, string>;
}): Promise<Buffer> {
  try {
    // Loaded on use: esbuild is a devDependency, absent from production installs of the CLI.
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [options.entry],
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      write: false,
      minifySyntax: true,
      legalComments: 'none',
      logLevel: 'silent',
      // pg loads its optional native binding only when asked to; we never ask.
      external: ['pg-native'],
      define: Object.fromEntries(
        Object.entries(options.define ?? {}).map(([name, value]) => [name, JSON.stringify(value)]),
      ),
    });
    return Buffer.from(result.outputFiles[0]!.contents);
  } catch (error) {
    throw new ImageError('build-failed', `bundling ${options.entry} with esbuild failed: ${String(error)}`, {
      image: options.entry,
      step: 'esbuild',
      fix: 'fix the TypeScript error above (npx tsc --noEmit shows it too)',
    });
  }
}
