import { type DestinationStream, type Level, type Logger, pino } from 'pino';

/** pino's numeric levels, for the human-readable lines. */
const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** One line per entry, `HH:MM:SS level message key=value ...`: for a terminal, not for machines. */
function lineDestination(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(text: string) {
      const {
        time,
        level,
        msg,
        pid: _pid,
        hostname: _hostname,
        name: _name,
        ...rest
      } = JSON.parse(text) as {
        time: number;
        level: number;
        msg?: string;
        [key: string]: unknown;
      };
      const fields = Object.entries(rest)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      const clock = new Date(time).toISOString().slice(11, 19);
      out.write(
        `${clock} ${(LEVEL_NAMES[level] ?? String(level)).padEnd(5)} ${msg ?? ''}${fields ? ` ${fields}` : ''}\n`,
      );
    },
  };
}

/**
 * The gateway's logger: JSON lines (for log shippers) or short human lines, on stderr. Headers
 * are never logged, and `authorization`/`cookie` are redacted should a caller pass them anyway.
 */
export function createGatewayLogger(options: { json: boolean; level: Level }): Logger {
  const base = {
    name: 'microstax-gateway',
    level: options.level,
    redact: ['*.authorization', '*.cookie', 'authorization', 'cookie'],
  };
  return options.json ? pino(base, pino.destination(2)) : pino(base, lineDestination(process.stderr));
}
