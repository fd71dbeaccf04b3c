/**
 * The shell scripts that dump and restore a Redis snapshot, with redis-cli and redis-server: run in a
 * snapshot Job's pod (snapshot-job.ts, the service's own image) and by the worker's RedisRdbEngine (the
 * `worker` runner), so both read and write the same RDB files the same way. The server is named by
 * REDIS_HOST and REDIS_PORT, its password (if any) by REDIS_PASSWORD, all in the environment.
 */

/**
 * redis-cli against the service, with its password when the workload has one (REDIS_PASSWORD); an
 * empty REDISCLI_AUTH would still send AUTH, so it is set only then.
 */
const TARGET_FUNCTION = [
  'target() {',
  `  if [ -n "\${REDIS_PASSWORD:-}" ]; then REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"`,
  '  else redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; fi',
  '}',
].join('\n');

/** Where a script keeps its files, and the loopback port of a restore's scratch server. */
export interface RedisScriptPlace {
  /** A directory of its own: the RDB, the scratch server's log and MIGRATE's answers go there. */
  workDir: string;
  /** The RDB's file name in workDir. */
  rdbName: string;
  scratchPort: number;
}

/** The RDB as a replica would get it (the server forks; it keeps serving). */
export function redisDumpScript(place: RedisScriptPlace): string {
  return ['set -eu', TARGET_FUNCTION, `target --rdb ${place.workDir}/${place.rdbName}`].join('\n');
}

/**
 * awk turning scanned keys into MIGRATE commands of 100 keys. The password comes from awk's own
 * environment (ENVIRON), never its arguments: a process list on the worker's host would show those.
 * It is quoted for redis-cli's parser, a backslash before each backslash and double quote (gsub's
 * replacement escapes differ between awks; the Job's is busybox's).
 */
const MIGRATE_BATCHES = String.raw`function quoted(s,   out, i, c) { out = ""; for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); if (c == "\\" || c == "\"") out = out "\\"; out = out c } return "\"" out "\"" }
BEGIN { prefix = head; if (ENVIRON["REDIS_PASSWORD"] != "") prefix = prefix " AUTH " quoted(ENVIRON["REDIS_PASSWORD"]); prefix = prefix " KEYS" }
{ keys = keys " " $0 } NR % 100 == 0 { print prefix keys; keys = "" } END { if (keys != "") print prefix keys }`;

/** Exit codes of a restore, for the failures the caller names. */
export const REDIS_RESTORE_EXIT = { unreadable: 5, flushRefused: 6, migrateFailed: 7 } as const;

/**
 * Redis cannot load an RDB while it runs, and restarting it would rewrite the file on the way down.
 * So a scratch redis-server loads the RDB (an RDB it cannot read stops it: exit 5), the service is
 * emptied (FLUSHALL, like pg_restore --clean; exit 6 if refused), and every key of every database
 * moves to it with MIGRATE (value and TTL, REPLACE), 100 keys a command. Keys come quoted from
 * --no-raw --scan and go back through redis-cli's parser, so any byte in a key survives. Each MIGRATE
 * must answer OK (or NOKEY: nothing left in that batch); anything else fails with the answer (exit 7).
 */
export function redisRestoreScript(place: RedisScriptPlace): string {
  const { workDir, rdbName, scratchPort } = place;
  return [
    'set -eu',
    TARGET_FUNCTION,
    `scratch() { redis-cli -p ${scratchPort} "$@"; }`,
    `redis-server --port ${scratchPort} --bind 127.0.0.1 --dir ${workDir} --dbfilename ${rdbName} --save '' --appendonly no --logfile ${workDir}/scratch.log &`,
    'server=$!',
    // Gone with the script whatever happens (a pod's end would stop it too; a shell on the worker would
    // not), also when the script is stopped: a cancelled activity's shell gets SIGTERM.
    `trap 'kill "$server" 2>/dev/null || true' EXIT`,
    "trap 'exit 143' INT TERM",
    'until [ "$(scratch ping 2>/dev/null)" = PONG ]; do',
    `  kill -0 "$server" 2>/dev/null || { echo 'the snapshot does not load:'; tail -n 5 ${workDir}/scratch.log; exit ${REDIS_RESTORE_EXIT.unreadable}; }`,
    '  sleep 0.2',
    'done',
    'flushed="$(target FLUSHALL 2>&1)"',
    `[ "$flushed" = OK ] || { echo "FLUSHALL on $REDIS_HOST answered: $flushed"; exit ${REDIS_RESTORE_EXIT.flushRefused}; }`,
    `for db in $(scratch INFO keyspace | sed -n 's/^db\\([0-9]*\\):.*/\\1/p'); do`,
    `  scratch -n "$db" --scan --no-raw \\`,
    `    | awk -v head="MIGRATE $REDIS_HOST $REDIS_PORT \\"\\" $db 60000 REPLACE" '${MIGRATE_BATCHES}' \\`,
    `    | scratch -n "$db" >${workDir}/migrate.out 2>&1`,
    `  if grep -v -x -e OK -e NOKEY ${workDir}/migrate.out; then echo "MIGRATE of database $db failed"; exit ${REDIS_RESTORE_EXIT.migrateFailed}; fi`,
    'done',
  ].join('\n');
}
