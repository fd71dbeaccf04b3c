import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { ApiClient, ApiClientError, loadClientSettings } from '../../api/client.js';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import { IDLE_ACTIONS, type IdleAction } from '../../workflows/contracts.js';
import { ExitCode } from '../exit-codes.js';
import { addBlueprintInputOptions, type BlueprintInputOptions, printProblems } from './validate.js';

/** The environment as the API returns it (the fields the CLI prints). */
export interface EnvironmentBody {
  id: string;
  name?: string | null;
  labels?: Record<string, string>;
  phase: string;
  team?: string;
  owner?: string;
  blueprint?: { name: string; version: number };
  parent?: string | null;
  /** The root environment of a branch's lineage (the parent itself unless the parent is a branch). */
  baseline?: string | null;
  services: {
    name: string;
    state: string;
    action?: string;
    readyReplicas?: number;
    replicas?: number;
    message?: string;
  }[];
  urls: Record<string, string>;
  costPerHour?: number | null;
  expiresAt: string | null;
  workflowId?: string;
  error?: { type: string; message: string } | null;
}

const FINISHED = new Set(['deleted', 'failed']);

async function client(): Promise<ApiClient> {
  return new ApiClient(await loadClientSettings());
}

/** Prints an API failure (message, code, field) and returns exit code 1. */
function report(error: unknown, json: boolean): number {
  if (!(error instanceof ApiClientError)) throw error;
  const body = {
    ok: false,
    error: { status: error.status, code: error.code, message: error.message, field: error.field },
  };
  if (json) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  const hint =
    error.code === 'unauthorized'
      ? ' (set MICROSTAX_TOKEN; an admin makes one with `microstax token create`)'
      : '';
  process.stderr.write(
    `microstax: ${error.message}${error.field ? ` [${error.field}]` : ''} (${error.code})${hint}\n`,
  );
  return ExitCode.Failure;
}

/** Runs an action that talks to the API, turning its errors into the exit code. */
function act<A extends unknown[]>(json: (args: A) => boolean, run: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = report(error, json(args));
    }
  };
}

function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

function describeEnvironment(env: EnvironmentBody): string {
  const lines = [
    `${env.id}${env.name ? ` (${env.name})` : ''}  ${env.phase}${env.blueprint ? `  ${env.blueprint.name} v${env.blueprint.version}` : ''}${env.owner ? `  owner ${env.owner} (${env.team})` : ''}`,
  ];
  if (env.parent) {
    const root = env.baseline && env.baseline !== env.parent ? ` (root ${env.baseline})` : '';
    lines.push(`  branch of ${env.parent}${root}`);
  }
  if (env.expiresAt) lines.push(`  expires ${env.expiresAt}`);
  const labels = Object.entries(env.labels ?? {});
  if (labels.length) lines.push(`  labels ${labels.map(([k, v]) => `${k}=${v}`).join(',')}`);
  if (env.costPerHour !== undefined && env.costPerHour !== null)
    lines.push(`  cost ${env.costPerHour.toFixed(4)}/h`);
  for (const s of env.services) {
    const replicas = s.replicas !== undefined ? ` ${s.readyReplicas ?? 0}/${s.replicas}` : '';
    lines.push(
      `  ${s.name.padEnd(24)} ${s.state.padEnd(10)}${s.action ? ` ${s.action}` : ''}${replicas}${s.message ? `  ${s.message}` : ''}`,
    );
  }
  for (const [service, url] of Object.entries(env.urls)) lines.push(`  url ${service}: ${url}`);
  if (env.error) lines.push(`  error ${env.error.type}: ${env.error.message}`);
  return lines.join('\n');
}

/**
 * Follows the environment's event stream, printing each phase and per-service change to stderr,
 * until it is ready (resolves 'ready') or finished (its phase). `until` picks what counts as done.
 */
export async function follow(
  api: ApiClient,
  id: string,
  until: (phase: string, env: EnvironmentBody) => boolean,
): Promise<EnvironmentBody> {
  let last: EnvironmentBody | undefined;
  const seen = new Map<string, string>();
  await api.stream({
    path: `/v1/environments/${id}/stream`,
    onEvent: (event, data) => {
      if (event !== 'status') return false;
      const env = data as EnvironmentBody;
      if (env.phase !== last?.phase) process.stderr.write(`${id}: ${env.phase}\n`);
      const ready = env.services.filter((s) => s.state === 'ready' || s.state === 'reused').length;
      for (const s of env.services) {
        const state = `${s.state}${s.message ? ` (${s.message})` : ''}`;
        if (seen.get(s.name) !== state) {
          seen.set(s.name, state);
          process.stderr.write(`  [${ready}/${env.services.length}] ${s.name}: ${state}\n`);
        }
      }
      last = env;
      return until(env.phase, env);
    },
  });
  if (!last) throw new ApiClientError(0, 'stream_ended', `the event stream of ${id} ended without a status`);
  return last;
}

/** Phases after which an environment will not become ready any more. */
export const FINISHED_PHASES: ReadonlySet<string> = FINISHED;

/** Calls `create` and retries it (same Idempotency-Key) while the API is briefly unavailable. */
async function withRetries<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ApiClientError) || !error.retryable || attempt >= attempts) throw error;
      process.stderr.write(`microstax: ${error.message}; retrying (${attempt}/${attempts - 1})\n`);
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

export interface CreateEnvironmentParams {
  api: ApiClient;
  /** The blueprint file; its init scripts and overlays are sent along. */
  file: string;
  overlays: string[];
  context: Record<string, string>;
  branchOf?: string;
  ttl?: string;
  idleAfter?: string;
  idle?: IdleAction;
  /** The same key finds the same environment: a repeated create replays the first one. */
  idempotencyKey: string;
}

/**
 * Resolves the blueprint locally (problems come back as FILE:LINE:COL and nothing is sent), then
 * creates the environment through the API, retrying with the same Idempotency-Key while the API is
 * briefly unavailable. Throws ApiClientError on API errors.
 */
export async function createEnvironment(
  params: CreateEnvironmentParams,
): Promise<
  | { ok: true; environment: EnvironmentBody; replayed: boolean }
  | { ok: false; problems: Parameters<typeof printProblems>[0] }
> {
  const local = await resolveBlueprintFile({
    file: params.file,
    overlays: params.overlays,
    context: params.context,
  });
  if (!local.ok) return { ok: false, problems: local.problems };
  const scripts: Record<string, string> = {};
  for (const service of local.blueprint.services)
    for (const step of service.init) scripts[step.script] = step.content;
  const overlays = await Promise.all(
    params.overlays.map(async (file) => ({ fileName: basename(file), source: await readFile(file, 'utf8') })),
  );
  const source = await readFile(params.file, 'utf8');
  const created = await withRetries(() =>
    params.api.request<EnvironmentBody>({
      method: 'POST',
      path: '/v1/environments',
      headers: { 'idempotency-key': params.idempotencyKey },
      body: {
        blueprint: { source, fileName: basename(params.file), scripts },
        ...(overlays.length ? { overlays } : {}),
        ...(Object.keys(params.context).length ? { context: params.context } : {}),
        ...(params.branchOf ? { branchOf: params.branchOf } : {}),
        ...(params.ttl ? { ttl: params.ttl } : {}),
        ...(params.idleAfter ? { idleAfter: params.idleAfter } : {}),
        ...(params.idle ? { idle: params.idle } : {}),
      },
    }),
  );
  return {
    ok: true,
    environment: created.body,
    replayed: created.headers.get('idempotent-replayed') === 'true',
  };
}

/** `microstax env ...`: environments through the control-plane API (MICROSTAX_URL, MICROSTAX_TOKEN). */
export function register(program: Command): void {
  const env = program
    .command('env')
    .description('create, inspect, share and delete environments through the MicroStax API')
    .addHelpText(
      'after',
      `
The API is MICROSTAX_URL (default http://127.0.0.1:18080) with the token MICROSTAX_TOKEN, or
{"url", "token"} in ~/.config/microstax/config.json (MICROSTAX_CONFIG). Every command takes --json.
Exit codes: 0 ok, 1 failure (the API's error code is printed), 2 usage error.`,
    );

  addBlueprintInputOptions(
    env
      .command('create')
      .description('create an environment from a blueprint file (validated locally first)')
      .requiredOption('-f, --file <blueprint>', 'blueprint file')
      .option(
        '--branch-of <env>',
        'make a branch of this environment (a branch may itself be one): only what changed against it runs',
      )
      .option('--ttl <duration>', 'delete after this long, e.g. 4h')
      .option('--idle-after <duration>', 'after this long without activity, the idle action applies')
      .addOption(
        new Option(
          '--idle <action>',
          'what happens once idle: teardown, or sleep (scale to zero, keep data)',
        ).choices(IDLE_ACTIONS),
      )
      .option('--idempotency-key <key>', 'makes a retried create safe (default: a fresh key per invocation)')
      .option('--wait', 'follow progress until the environment is ready (exit 1 if it fails)', false)
      .option('--json', 'print JSON', false),
  )
    .addHelpText('after', '\nExample:\n  microstax env create -f checkout-dev.yaml --ttl 4h --wait')
    .action(
      act(
        ([opts]) => opts.json,
        async (
          opts: BlueprintInputOptions & {
            file: string;
            branchOf?: string;
            ttl?: string;
            idleAfter?: string;
            idle?: IdleAction;
            idempotencyKey?: string;
            wait: boolean;
            json: boolean;
          },
        ) => {
          const api = await client();
          const created = await createEnvironment({
            api,
            file: opts.file,
            overlays: opts.overlay,
            context: opts.context,
            branchOf: opts.branchOf,
            ttl: opts.ttl,
            idleAfter: opts.idleAfter,
            idle: opts.idle,
            idempotencyKey: opts.idempotencyKey ?? randomUUID(),
          });
          if (!created.ok) {
            printProblems(created.problems);
            if (opts.json) print(true, { ok: false, problems: created.problems }, '');
            process.exitCode = ExitCode.Failure;
            return;
          }
          let result = created.environment;
          if (!opts.json) process.stderr.write(`created ${result.id} (${result.phase})\n`);
          if (opts.wait) {
            result = await follow(api, result.id, (phase) => phase === 'ready' || FINISHED.has(phase));
            if (result.phase !== 'ready') process.exitCode = ExitCode.Failure;
          }
          print(
            opts.json,
            { ok: process.exitCode !== ExitCode.Failure, environment: result },
            describeEnvironment(result),
          );
        },
      ),
    );

  env
    .command('list')
    .description('list environments, newest first')
    .option('--team <team>', 'filter by team (admins)')
    .option('--owner <user>', 'filter by owner')
    .option('--blueprint <name>', 'filter by blueprint')
    .option('--phase <phase>', 'filter by phase, e.g. ready')
    .option('-l, --selector <selector>', 'label selector, e.g. pr=42 or "app in (shop,cart),!draft"')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([opts]) => opts.json,
        async (opts: {
          team?: string;
          owner?: string;
          blueprint?: string;
          phase?: string;
          selector?: string;
          limit: string;
          json: boolean;
        }) => {
          const query = new URLSearchParams();
          for (const key of ['team', 'owner', 'blueprint', 'phase', 'limit'] as const) {
            if (opts[key]) query.set(key, opts[key]);
          }
          if (opts.selector) query.set('labelSelector', opts.selector);
          const { body } = await (await client()).request<{ items: EnvironmentBody[]; next: string | null }>({
            path: `/v1/environments?${query}`,
          });
          const rows = body.items.map((e) =>
            `${e.id.padEnd(16)} ${e.phase.padEnd(14)} ${(e.blueprint?.name ?? '').padEnd(20)} ${(e.owner ?? '').padEnd(12)} ${(e.expiresAt ?? '-').padEnd(24)} ${e.name ?? ''}`.trimEnd(),
          );
          const header = `${'ID'.padEnd(16)} ${'PHASE'.padEnd(14)} ${'BLUEPRINT'.padEnd(20)} ${'OWNER'.padEnd(12)} ${'EXPIRES'.padEnd(24)} NAME`;
          print(opts.json, { ok: true, ...body }, [header, ...rows].join('\n'));
        },
      ),
    );

  env
    .command('get')
    .description('show an environment: phase, per-service status, URLs, cost, lineage')
    .argument('<id>', 'environment id')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { json: boolean }) => {
          const { body } = await (await client()).request<EnvironmentBody>({
            path: `/v1/environments/${id}`,
          });
          print(opts.json, { ok: true, environment: body }, describeEnvironment(body));
        },
      ),
    );

  env
    .command('delete')
    .description('tear an environment down (safe to repeat)')
    .argument('<id>', 'environment id')
    .option(
      '--cascade',
      'also tear down every live branch below it, deepest first (without it, live branches refuse the delete)',
      false,
    )
    .option('--wait', 'follow until it is gone', false)
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      '\nAn environment that live branches reuse services from is refused (has_branches) and the branches\nare listed; delete them first, or pass --cascade.',
    )
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { cascade: boolean; wait: boolean; json: boolean }) => {
          const api = await client();
          const { body } = await api.request<{ id: string; phase: string; branches?: string[] }>({
            method: 'DELETE',
            path: `/v1/environments/${id}${opts.cascade ? '?cascade=true' : ''}`,
          });
          const branches = body.branches ?? [];
          if (!opts.json && branches.length > 0)
            process.stderr.write(
              `tearing down ${branches.length} branch(es) first: ${branches.join(', ')}\n`,
            );
          let phase = body.phase;
          if (opts.wait) phase = (await follow(api, id, (p) => FINISHED.has(p))).phase;
          print(opts.json, { ok: true, id, phase, ...(opts.cascade ? { branches } : {}) }, `${id}: ${phase}`);
        },
      ),
    );

  for (const mode of ['sleep', 'wake'] as const) {
    const target = mode === 'sleep' ? 'sleeping' : 'ready';
    env
      .command(mode)
      .description(
        mode === 'sleep'
          ? 'put a ready environment to sleep: workloads scaled to zero; data, Secrets and Services kept'
          : 'wake a sleeping environment: workloads back to their planned replicas',
      )
      .argument('<id>', 'environment id')
      .option('--wait', `follow until it is ${target} (exit 1 if it does not get there)`, false)
      .option('--json', 'print JSON', false)
      .addHelpText(
        'after',
        `\nSafe to repeat: an environment already ${target} is left as it is.\nExample:\n  microstax env ${mode} e1a2b3c4d5e6 --wait`,
      )
      .action(
        act(
          ([, opts]) => opts.json,
          async (id: string, opts: { wait: boolean; json: boolean }) => {
            const api = await client();
            const { status, body } = await api.request<EnvironmentBody>({
              method: 'POST',
              path: `/v1/environments/${id}/${mode}`,
            });
            let result = body;
            if (!opts.json && status === 202)
              process.stderr.write(`${id}: ${mode} requested (${body.phase})\n`);
            if (opts.wait && result.phase !== target) {
              // A failed change leaves the phase it started from, with `error` set.
              const from = mode === 'sleep' ? 'ready' : 'sleeping';
              result = await follow(
                api,
                id,
                (phase, current) =>
                  phase === target || FINISHED.has(phase) || (phase === from && !!current.error),
              );
              if (result.phase !== target) process.exitCode = ExitCode.Failure;
            }
            print(
              opts.json,
              { ok: process.exitCode !== ExitCode.Failure, environment: result },
              describeEnvironment(result),
            );
          },
        ),
      );
  }

  env
    .command('extend')
    .description('extend the time to live')
    .argument('<id>', 'environment id')
    .requiredOption('--by <duration>', 'how much longer, e.g. 2h')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { by: string; json: boolean }) => {
          const { body } = await (await client()).request<{ id: string; expiresAt: string }>({
            method: 'POST',
            path: `/v1/environments/${id}/extend`,
            body: { by: opts.by },
          });
          print(opts.json, { ok: true, ...body }, `${id}: expires ${body.expiresAt}`);
        },
      ),
    );

  env
    .command('seed')
    .description("re-run data services' init steps")
    .argument('<id>', 'environment id')
    .option('--service <name>', 'only this service')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { service?: string; json: boolean }) => {
          const { body } = await (await client()).request<{ workflows: string[] }>({
            method: 'POST',
            path: `/v1/environments/${id}/seed`,
            body: opts.service ? { service: opts.service } : {},
          });
          print(opts.json, { ok: true, id, ...body }, `${id}: seeding (${body.workflows.join(', ')})`);
        },
      ),
    );

  env
    .command('snapshot')
    .description("snapshot the environment's data services")
    .argument('<id>', 'environment id')
    .option('--name <name>', 'snapshot name (default: a timestamp)')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { name?: string; json: boolean }) => {
          const { body } = await (await client()).request<{ id: string; name: string; phase: string }>({
            method: 'POST',
            path: `/v1/environments/${id}/snapshots`,
            body: opts.name ? { name: opts.name } : {},
          });
          print(
            opts.json,
            { ok: true, snapshot: body },
            `${id}: snapshot ${body.name} (${body.id}) ${body.phase}`,
          );
        },
      ),
    );

  env
    .command('restore')
    .description('load a snapshot back into the environment')
    .argument('<id>', 'environment id')
    .requiredOption('--snapshot <snapshot>', 'snapshot id or name')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { snapshot: string; json: boolean }) => {
          const { body } = await (await client()).request<{ workflows: string[] }>({
            method: 'POST',
            path: `/v1/environments/${id}/restore`,
            body: { snapshot: opts.snapshot },
          });
          print(opts.json, { ok: true, id, ...body }, `${id}: restoring ${opts.snapshot}`);
        },
      ),
    );

  env
    .command('share')
    .description('share read access to status and URLs; prints the share token once')
    .argument('<id>', 'environment id')
    .option('--ttl <duration>', 'how long the share lasts', '24h')
    .option('--note <text>', 'who it is for', '')
    .option('--revoke <shareId>', 'revoke this share instead')
    .option('--json', 'print JSON', false)
    .action(
      act(
        ([, opts]) => opts.json,
        async (id: string, opts: { ttl: string; note: string; revoke?: string; json: boolean }) => {
          const api = await client();
          if (opts.revoke) {
            const { body } = await api.request<{ id: string; state: string }>({
              method: 'DELETE',
              path: `/v1/environments/${id}/shares/${opts.revoke}`,
            });
            print(opts.json, { ok: true, share: body }, `${id}: share ${body.id} ${body.state}`);
            return;
          }
          const { body } = await api.request<{ id: string; token: string; expiresAt: string }>({
            method: 'POST',
            path: `/v1/environments/${id}/shares`,
            body: { ttl: opts.ttl, note: opts.note },
          });
          if (!opts.json) {
            process.stderr.write(
              `share ${body.id} until ${body.expiresAt}; the token below is shown only now.\n` +
                `read with: curl -H "Authorization: Bearer <token>" ${api.url}/v1/environments/${id}\n`,
            );
          }
          print(opts.json, { ok: true, share: body }, body.token);
        },
      ),
    );
}
