import type { Command } from 'commander';
import type { z } from 'zod';
import type { StreamEvent } from '../../api/client.js';
import type { AuditEvent, AuditEventList } from '../../api/schemas/environments.js';
import { openInBrowser } from '../browser.js';
import { CliError } from '../cli-error.js';
import {
  addOutputOptions,
  type OutputFormat,
  type OutputOptions,
  outputFormat,
  printResult,
} from '../output.js';
import { progress } from '../progress.js';
import { serviceUrl } from '../service-url.js';
import { act, client, type EnvironmentBody } from './env.js';

type AuditEventBody = z.infer<typeof AuditEvent>;
type AuditEventListBody = z.infer<typeof AuditEventList>;

/** One line of `env events`: an audit event, or a change of the environment's phase (followed only). */
export type EnvironmentEvent =
  | ({ type: 'audit' } & AuditEventBody)
  | { type: 'phase'; at: string; phase: string; environment: EnvironmentBody };

/** The most the API hands out per page of the audit log. */
const PAGE = 500;

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

/** The text of one event: a table row, a JSON line, a YAML document or its id. */
export async function formatEvent(
  format: OutputFormat,
  event: EnvironmentEvent,
): Promise<string | undefined> {
  switch (format) {
    case 'json':
      return JSON.stringify(event);
    case 'yaml': {
      const { stringify } = await import('yaml');
      return `---\n${stringify(event).trimEnd()}`;
    }
    case 'name':
      return event.type === 'audit' ? String(event.id) : undefined;
    default:
      return event.type === 'audit'
        ? `${event.at}  ${event.actor.padEnd(12)} ${event.action.padEnd(24)} ${describeDetails(event.details)}`.trimEnd()
        : `${event.at}  ${'-'.padEnd(12)} ${'phase'.padEnd(24)} ${event.phase}`;
  }
}

async function print(format: OutputFormat, event: EnvironmentEvent): Promise<void> {
  const text = await formatEvent(format, event);
  if (text !== undefined) process.stdout.write(`${text}\n`);
}

/** `microstax env open` and `microstax env events`. */
export function register(program: Command): void {
  const env = program.commands.find((c) => c.name() === 'env');
  if (!env) throw new Error('register the env command before env open/events');

  addOutputOptions(
    env
      .command('open')
      .description(
        "open the environment's dashboard page, or a service's URL, in the browser (the URL is printed too)",
      )
      .argument('<id>', 'environment id or name')
      .argument('[service]', 'an exposed service: open its URL instead of the dashboard page')
      .option('--print', 'only print the URL, open nothing', false),
  )
    .addHelpText(
      'after',
      '\nThe browser is $BROWSER, else xdg-open (Linux) or open (macOS); without one the URL is only printed.\nExamples:\n  microstax env open pr-42\n  microstax env open pr-42 api --print',
    )
    .action(
      act(
        ([, , opts]) => opts,
        async (id: string, service: string | undefined, opts: OutputOptions & { print: boolean }) => {
          const api = await client();
          const { body } = await api.request<EnvironmentBody>({
            path: `/v1/environments/${encodeURIComponent(id)}`,
          });
          const url =
            service === undefined
              ? `${api.url}/ui/environments/${encodeURIComponent(body.id)}`
              : serviceUrl(body, service);
          const opened = opts.print ? false : await openInBrowser(url);
          if (!opts.print && !opened)
            progress('no browser to open it with ($BROWSER, xdg-open or open); open the URL yourself');
          const format = outputFormat(opts);
          await printResult(format, {
            document: { ok: true, id: body.id, ...(service ? { service } : {}), url, opened },
            table: () => url,
            names: () => [url],
          });
        },
      ),
    );

  addOutputOptions(
    env
      .command('events')
      .description("print the environment's events (its audit log; -f follows them and its phase changes)")
      .argument('<id>', 'environment id or name')
      .option('-f, --follow', 'keep printing until the environment is deleted or failed, or Ctrl-C', false),
  )
    .addHelpText(
      'after',
      '\nWith -o json each event is one JSON line ({"type": "audit"|"phase", ...}); -o yaml, one document each.\nA follow survives a dropped connection or an API restart: it resumes after the last event seen.\nExamples:\n  microstax env events pr-42\n  microstax env events pr-42 -f -o json | jq .action',
    )
    .action(
      act(
        ([, opts]) => opts,
        async (id: string, opts: OutputOptions & { follow: boolean }) => {
          const api = await client();
          const format = outputFormat(opts);
          const path = `/v1/environments/${encodeURIComponent(id)}`;
          if (!opts.follow) {
            for (let after = 0; ; ) {
              const { body } = await api.request<AuditEventListBody>({
                path: `${path}/events?after=${after}&limit=${PAGE}`,
              });
              for (const event of body.items) await print(format, { type: 'audit', ...event });
              if (body.items.length < PAGE) return;
              after = body.items.at(-1)!.id;
            }
          }
          const stop = new AbortController();
          process.once('SIGINT', () => stop.abort(new Interrupted()));
          let phase: string | undefined;
          // The API sends `error` (a revoked token, a failed query) and closes: that ends the follow.
          let failure: CliError | undefined;
          const onEvent = async ({ event, data }: StreamEvent): Promise<boolean> => {
            if (event === 'audit') await print(format, { type: 'audit', ...(data as AuditEventBody) });
            else if (event === 'status') {
              const environment = data as EnvironmentBody;
              if (environment.phase !== phase) {
                phase = environment.phase;
                await print(format, { type: 'phase', at: environment.updatedAt, phase, environment });
              }
            } else if (event === 'error') {
              const error = data as { code?: string; message?: string };
              failure = new CliError({
                type: 'api',
                message: `the event stream of ${id} ended: ${error.message ?? error.code}`,
              });
              return true;
            }
            return false;
          };
          try {
            await api.stream({
              path: `${path}/stream`,
              signal: stop.signal,
              onReconnect: (reason) => progress(`${id}: ${reason}; reconnecting`),
              onEvent,
            });
          } catch (error) {
            if (!(error instanceof Interrupted)) throw error;
          }
          if (failure) throw failure;
        },
      ),
    );
}

/** Ctrl-C during a follow: the normal way to end it, exit 0. */
class Interrupted extends Error {}
