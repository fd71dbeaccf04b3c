import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { type DeployConfig, loadDeployConfig } from '../../../deploy/config.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../../local/stack/node/layout.js';

/** Helpers of the end-to-end tests on the real node: the stack's gateway, the example, HTTP by Host. */

export const EXAMPLE_DIR = fileURLToPath(
  new URL('../../../blueprints/examples/checkout-dev/', import.meta.url),
);

/**
 * The deploy config the worker gets on the real node (its tier, its StorageClass, URLs on the
 * gateway's port), from the same settings. Fails loudly without the node.
 */
export async function realNodeConfig(): Promise<{ config: DeployConfig; gatewayUrl: string }> {
  const endpoints = await readStackEndpoints();
  const gatewayUrl = endpoints.realNode?.gatewayUrl;
  if (!gatewayUrl) {
    throw new Error(
      'The real node tier is not up (no gateway recorded): run `node bin/microstax.js stack up --real-nodes` (npm test does).',
    );
  }
  const config = loadDeployConfig(realNodeDeployEnv({ gatewayUrl }));
  return { config, gatewayUrl };
}

/**
 * The founding example, optionally edited (another api image, header routing), resolved from text
 * so a test can vary it without files.
 */
/**
 * The example with its api `access: public`: these tests are about deploying, waking and snapshots,
 * and reach the api's URL without a credential (access itself: test/integ/gateway/access.test.ts).
 */
export const publicApi = (yaml: string) =>
  yaml.replace('  expose: true\n', '  expose: true\n  access: public\n');

export async function checkoutDev(
  edit: (yaml: string) => string = (yaml) => yaml,
): Promise<ResolvedBlueprint> {
  const source = edit(publicApi(await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8')));
  const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
  return resolvedBlueprint({ source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } });
}

/** A test's blueprint text resolved; a blueprint that does not resolve fails the test, naming its problems. */
export async function resolvedBlueprint(input: {
  source: string;
  fileName: string;
  scripts?: Record<string, string>;
}): Promise<ResolvedBlueprint> {
  const result = await resolveBlueprintSource({ scripts: {}, ...input });
  if (!result.ok) throw new Error(`${input.fileName} does not resolve: ${JSON.stringify(result.problems)}`);
  return result.blueprint;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as JSON; typed loosely, since each test reads the fields it checks. */
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field by expect().
  json: () => any;
}

/**
 * An HTTP request to an environment URL (`http://api.<env>.microstax.localhost:<port>/path`) as a
 * browser would send it: to the gateway on loopback (or the gateway at `via`, `host:port`), with the
 * URL's host in the Host header.
 */
export function httpAt(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; via?: string } = {},
): Promise<HttpAnswer> {
  const target = new URL(url);
  const [viaHost, viaPort] = options.via?.split(':') ?? [];
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: viaHost ?? '127.0.0.1',
        port: Number(viaPort ?? target.port) || 80,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: {
          host: target.host,
          ...(body && { 'content-type': 'application/json' }),
          ...options.headers,
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: () => JSON.parse(text),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Retries a request until it answers 200 (a new pod behind a fresh Service may take a moment). */
export async function firstOk(
  url: string,
  timeoutMs = 60_000,
  via?: string,
  headers?: Record<string, string>,
): Promise<HttpAnswer> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const answer = await httpAt(url, { via, headers }).catch(
      (error: Error) => ({ status: 0, body: error.message }) as HttpAnswer,
    );
    if (answer.status === 200) return answer;
    last = `${answer.status} ${answer.body.slice(0, 200)}`;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never answered 200 in ${timeoutMs} ms; last: ${last}`);
}

/** The host's iptables NAT rules (kube-proxy's Service rules live there). */
export async function natRules(): Promise<string> {
  const { stdout } = await promisify(execFile)('iptables-save', ['-t', 'nat'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * One psql command of the host against a Postgres URL (its database, unless `database` names another),
 * stopping at the first error; what it printed, unaligned and without headers.
 */
export async function psqlAt(url: string, sql: string, options: { database?: string } = {}): Promise<string> {
  const parsed = new URL(url);
  const { stdout } = await promisify(execFile)('psql', ['-Atq', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    env: {
      PATH: process.env.PATH ?? '',
      PGHOST: parsed.hostname,
      PGPORT: parsed.port || '5432',
      PGUSER: decodeURIComponent(parsed.username),
      PGPASSWORD: decodeURIComponent(parsed.password),
      PGDATABASE: options.database ?? (decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'),
    },
    maxBuffer: 1024 * 1024,
  });
  return stdout.trim();
}
