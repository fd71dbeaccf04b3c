import type { Highs } from 'highs';

/**
 * The HiGHS MILP solver (WebAssembly), loaded once per process. Loading compiles the Wasm module
 * (tens of milliseconds), so every caller shares one promise; `highsLoadMillis` reports what the
 * first load cost, for the benchmark.
 */
type HighsLoader = () => Promise<Highs>;

let loading: Promise<Highs> | undefined;
let loadMillis: number | undefined;

export function loadHighsSolver(): Promise<Highs> {
  loading ??= (async () => {
    const started = performance.now();
    // The package's ESM entry works under Node 20; a dynamic import keeps the Wasm out of code
    // paths that never solve exactly (the CLI without --placement).
    // The types describe the CommonJS build, where TypeScript sees `default` one level deeper than
    // the ESM build Node actually loads; accept either shape.
    const module = (await import('highs')) as unknown as { default: HighsLoader | { default: HighsLoader } };
    const loadHighs = typeof module.default === 'function' ? module.default : module.default.default;
    const highs = await loadHighs();
    loadMillis = performance.now() - started;
    return highs;
  })();
  return loading;
}

/** How long the first load took, in milliseconds; undefined before it finishes. */
export function highsLoadMillis(): number | undefined {
  return loadMillis;
}
