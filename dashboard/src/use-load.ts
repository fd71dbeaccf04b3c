import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status?: number }
  | { state: 'ready'; data: T };

/**
 * Loads data for a page: `load` returns the data or throws an Error (with `status` when the API
 * answered). `reload` loads again without going back to the loading state; `update` changes the loaded data
 * (a live event, a page more).
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): [Loaded<T>, () => void, (change: (data: T) => T) => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on.
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) =>
        current &&
        setResult({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
          status: (error as { status?: number }).status,
        }),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setResult((now) => (now.state === 'ready' ? { state: 'ready', data: change(now.data) } : now)),
    [],
  );
  return [result, reload, update];
}

/** An Error carrying the HTTP status of the API's answer. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
