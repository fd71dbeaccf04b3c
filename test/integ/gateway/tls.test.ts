import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANNOTATIONS } from '../../../deploy/labels.js';
import { GatewayStartError } from '../../../gateway/errors.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { HEALTH_PATH } from '../../../gateway/server.js';
import { ROUTED_TO_HEADER } from '../../../router/server.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestCa, type PemPair, type TestCa } from '../../support/test-certificates.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import {
  assertBridgeUp,
  bridgedService,
  createNamespace,
  get,
  ingressFor,
  startBackend,
  waitForClusterIp,
} from './support.js';

/**
 * The gateway serving HTTPS on the real cluster: a certificate this file makes (its own CA), a request
 * to an environment's URL that verifies against that CA, and a renewed certificate served without a
 * restart (files swapped as a Secret volume swaps them).
 */

const DOMAIN = 'microstax.localhost';
const id = uniqueId('gw-tls');
const namespace = `msx-${id}`;
const apiHost = `api.${id}.${DOMAIN}`;
const RELOAD_MS = 100;

let kube: KubeClient;
let backend: Server | undefined;
let gateway: RunningGateway | undefined;
let dir: string;
let firstCa: TestCa;
let certFile: string;
let keyFile: string;

/** Writes the pair as a Secret volume update does: new files renamed into place. */
async function install(pair: PemPair): Promise<void> {
  await writeFile(`${certFile}.new`, pair.cert);
  await writeFile(`${keyFile}.new`, pair.key, { mode: 0o600 });
  await rename(`${keyFile}.new`, keyFile);
  await rename(`${certFile}.new`, certFile);
}

interface TlsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The serial number of the certificate the gateway presented. */
  serial: string;
}

/** A GET over TLS to the environment's URL, verified against `ca` for `host` (SNI and Host header). */
function getTls(params: { ca: string; host?: string; path?: string }): Promise<TlsAnswer> {
  const host = params.host ?? apiHost;
  const { port } = new URL(gateway!.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: params.path ?? '/',
        servername: host,
        headers: { host, accept: 'application/json' },
        ca: params.ca,
        agent: false,
      },
      (res) => {
        const serial = (res.socket as TLSSocket).getPeerCertificate().serialNumber;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, serial }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer over TLS from ${gateway!.url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Retries `getTls` until it verifies and `check` passes (the gateway re-reads its files every RELOAD_MS). */
async function eventuallyTls(ca: string, check: (answer: TlsAnswer) => boolean): Promise<TlsAnswer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await getTls({ ca }).catch((error: Error) => error);
    if (!(answer instanceof Error) && check(answer)) return answer;
    if (Date.now() > deadline)
      throw answer instanceof Error ? answer : new Error(`unexpected ${answer.status}`);
    await new Promise((resolve) => setTimeout(resolve, RELOAD_MS));
  }
}

beforeAll(async () => {
  await assertBridgeUp();
  kube = await stackKube();
  dir = await mkdtemp(path.join(tmpdir(), 'msx-gateway-tls-'));
  certFile = path.join(dir, 'tls.crt');
  keyFile = path.join(dir, 'tls.key');
  firstCa = await createTestCa('first CA');
  // Environment URLs are <service>.<environment>.<base domain>: a wildcard covers one label.
  await install(await firstCa.issue([`*.${id}.${DOMAIN}`]));

  const started = await startBackend('tls-backend');
  backend = started.server;
  await createNamespace(kube, namespace);
  for (const object of [
    ...bridgedService({ namespace, name: 'api', servicePort: 80, backendPort: started.port }),
    ingressFor({
      namespace,
      environment: id,
      service: 'api',
      host: apiHost,
      port: 80,
      annotations: { [ANNOTATIONS.access]: 'public' },
    }),
  ])
    await kube.apply(object);
  await waitForClusterIp({
    kube,
    namespace,
    service: 'api',
    port: 80,
    backend: 'tls-backend',
    timeoutMs: 60_000,
  });
  gateway = await startGateway({
    kube,
    log: pino({ level: 'silent' }),
    port: 0,
    access: { databaseUrl: (await stackEnv()).DATABASE_URL, secureCookies: true },
    wake: false,
    tls: { certFile, keyFile, reloadEveryMs: RELOAD_MS, redirectPort: 0 },
  });
});

afterAll(async () => {
  await gateway?.close();
  backend?.closeAllConnections();
  await new Promise((resolve) => (backend ? backend.close(resolve) : resolve(undefined)));
  if (kube) await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the gateway over TLS', () => {
  it("serves an environment's URL over HTTPS, verified against the CA", async () => {
    expect(gateway!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const answer = await getTls({ ca: firstCa.cert });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ name: 'tls-backend' });
    expect(answer.headers[ROUTED_TO_HEADER]).toBe(id);
  });

  it('is refused by a client that does not trust the CA, and for a host the certificate does not name', async () => {
    const otherCa = await createTestCa('other CA');
    await expect(getTls({ ca: otherCa.cert })).rejects.toThrow(/certificate/i);
    await expect(getTls({ ca: firstCa.cert, host: `api.elsewhere.${DOMAIN}` })).rejects.toThrow(
      /altnames|does not match/i,
    );
  });

  it('serves a renewed certificate without a restart, and keeps the last good one when a renewal is broken', async () => {
    const before = await getTls({ ca: firstCa.cert });
    const renewedCa = await createTestCa('renewed CA');
    const renewed = await renewedCa.issue([`*.${id}.${DOMAIN}`]);
    await install(renewed);
    const after = await eventuallyTls(renewedCa.cert, (a) => a.status === 200);
    expect(after.serial).not.toBe(before.serial);
    await expect(getTls({ ca: firstCa.cert })).rejects.toThrow(/certificate/i);

    // A key that does not match the certificate (a half-done renewal) is not served.
    const mismatched = await renewedCa.issue([`*.${id}.${DOMAIN}`]);
    await install({ cert: mismatched.cert, key: (await renewedCa.issue(['x.invalid'])).key });
    await new Promise((resolve) => setTimeout(resolve, RELOAD_MS * 5));
    expect((await getTls({ ca: renewedCa.cert })).serial).toBe(after.serial);
  });

  it('redirects plain HTTP to HTTPS, and answers its own health there (probes need no TLS)', async () => {
    const base = `http://127.0.0.1:${gateway!.redirectPort}`;
    const redirected = await get({ base, host: apiHost, path: '/cart?id=1' });
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe(`https://${apiHost}/cart?id=1`);
    const health = await get({ base, host: '127.0.0.1', path: HEALTH_PATH });
    expect(health.status).toBe(200);
    const withPort = await get({ base, host: `${apiHost}:8080`, path: '/' });
    expect(withPort.headers.location).toBe(`https://${apiHost}/`);
    for (const host of ['evil.example@other', 'a..b', '[::1]'])
      expect((await get({ base, host, path: '/' })).status, host).toBe(400);
  });

  it('refuses to start with a missing or mismatched certificate, naming the file', async () => {
    const start = (files: { certFile: string; keyFile: string }) =>
      startGateway({
        kube,
        log: pino({ level: 'silent' }),
        port: 0,
        access: { databaseUrl: 'postgres://unused/none', secureCookies: true },
        wake: false,
        tls: files,
      });
    const missing = path.join(dir, 'absent.crt');
    const error = await start({ certFile: missing, keyFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayStartError);
    expect((error as GatewayStartError).type).toBe('tls-unusable');
    expect((error as Error).message).toContain(missing);
    const other = (await firstCa.issue(['x.invalid'])).key;
    await writeFile(path.join(dir, 'other.key'), other);
    await expect(start({ certFile, keyFile: path.join(dir, 'other.key') })).rejects.toThrow(
      /do not make a TLS pair/,
    );
  });
});
