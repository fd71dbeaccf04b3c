/** The engine family of a data image (what a snapshot of it can be restored into), if known. */
export function imageEngine(image: string): string | undefined {
  if (/(^|\/)(postgres|postgis|timescaledb)[^/]*(:|@|$)/.test(image)) return 'postgres';
  if (/(^|\/)(redis|valkey)[^/]*(:|@|$)/.test(image)) return 'redis';
  if (/(^|\/)(mysql|mariadb|percona)[^/]*(:|@|$)/.test(image)) return 'mysql';
  if (/(^|\/)mongo[^/]*(:|@|$)/.test(image)) return 'mongo';
  return undefined;
}

/** The engine family of a snapshot engine's name: "postgres-logical" is a postgres snapshot. */
export function artifactEngine(engine: string): string {
  return engine.split('-')[0]!;
}
