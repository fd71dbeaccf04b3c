import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseS3Url } from '../../../activities/s3-artifact-store.js';
import { loadDeployConfig } from '../../../deploy/config.js';
import { KubeClient } from '../../../deploy/kube-client.js';
import { SettingsError } from '../../../settings/env-settings.js';
import { loadTemporalConfig, temporalConnectionOptions } from '../../../temporal/config.js';
import { loadWorkerSettings, snapshotRunnerOf } from '../../../worker/settings.js';

/** The problems of a SettingsError thrown by `read`, as "VARIABLE: message". */
function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  throw new Error('expected a SettingsError');
}

describe('Temporal settings', () => {
  it('need TEMPORAL_ADDRESS: product code never falls back to a local stack', () => {
    expect(problemsOf(() => loadTemporalConfig({}))).toEqual(['TEMPORAL_ADDRESS: required, not set']);
  });

  it('name a malformed address and a certificate without its key', () => {
    expect(
      problemsOf(() =>
        loadTemporalConfig({ TEMPORAL_ADDRESS: 'http://temporal:7233', TEMPORAL_TLS_CERT_FILE: '/tls/crt' }),
      ),
    ).toEqual([
      'TEMPORAL_ADDRESS: must be host:port, e.g. temporal-frontend.temporal.svc:7233',
      'TEMPORAL_TLS_KEY_FILE: TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together',
    ]);
  });

  it('default the namespace and connect in plain text without TLS settings', async () => {
    const config = loadTemporalConfig({ TEMPORAL_ADDRESS: 'temporal-frontend.temporal.svc:7233' });
    expect(config.namespace).toBe('microstax');
    expect(await temporalConnectionOptions(config)).toEqual({
      address: 'temporal-frontend.temporal.svc:7233',
    });
  });

  it('read mTLS files and turn TLS on with an API key (Temporal Cloud)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'temporal-tls-'));
    await writeFile(join(dir, 'crt'), 'CERT');
    await writeFile(join(dir, 'key'), 'KEY');
    await writeFile(join(dir, 'ca'), 'CA');
    const mtls = await temporalConnectionOptions(
      loadTemporalConfig({
        TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
        TEMPORAL_TLS_CERT_FILE: join(dir, 'crt'),
        TEMPORAL_TLS_KEY_FILE: join(dir, 'key'),
        TEMPORAL_TLS_CA_FILE: join(dir, 'ca'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      }),
    );
    expect(mtls.tls?.clientCertPair?.crt.toString()).toBe('CERT');
    expect(mtls.tls?.clientCertPair?.key.toString()).toBe('KEY');
    expect(mtls.tls?.serverRootCACertificate?.toString()).toBe('CA');
    expect(mtls.tls?.serverNameOverride).toBe('temporal.internal');
    const cloud = await temporalConnectionOptions(
      loadTemporalConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' }),
    );
    expect(cloud).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: {}, apiKey: 'k' });
  });
});

describe('cluster and worker settings', () => {
  it('a process outside a pod without KUBECONFIG is told to set it', () => {
    expect(problemsOf(() => KubeClient.fromEnvironment({}))).toEqual([
      'KUBECONFIG: required outside a pod (no KUBERNETES_SERVICE_HOST), not set',
    ]);
  });

  it('bad deploy settings are named by their variables', () => {
    expect(
      problemsOf(() =>
        loadDeployConfig({ MICROSTAX_INGRESS_PORT: 'eighty', MICROSTAX_VOLUME_PROVISIONING: 'maybe' }),
      ).map((problem) => problem.split(':')[0]),
    ).toEqual(['MICROSTAX_INGRESS_PORT', 'MICROSTAX_VOLUME_PROVISIONING']);
  });

  it('the worker needs one place for snapshots: an object store or a directory', () => {
    expect(problemsOf(() => loadWorkerSettings({}))).toEqual([
      'MICROSTAX_SNAPSHOT_STORE: required, not set (or MICROSTAX_SNAPSHOT_DIR for a directory)',
    ]);
    expect(loadWorkerSettings({ MICROSTAX_SNAPSHOT_DIR: '/snapshots' })).toEqual({
      snapshotDir: '/snapshots',
      s3Region: 'us-east-1',
      shutdownGraceSeconds: 90,
      prewarmAim: 0.93,
    });
    expect(
      loadWorkerSettings({
        MICROSTAX_SNAPSHOT_STORE: 's3://team-snapshots/microstax',
        MICROSTAX_S3_ENDPOINT: 'http://minio.storage:9000',
      }),
    ).toMatchObject({
      snapshotStore: 's3://team-snapshots/microstax',
      s3Endpoint: 'http://minio.storage:9000',
    });
    expect(
      problemsOf(() =>
        loadWorkerSettings({ MICROSTAX_SNAPSHOT_STORE: 's3://bucket', MICROSTAX_SNAPSHOT_DIR: '/snapshots' }),
      ),
    ).toEqual(['MICROSTAX_SNAPSHOT_STORE: set it or MICROSTAX_SNAPSHOT_DIR, not both']);
    expect(
      problemsOf(() =>
        loadWorkerSettings({ MICROSTAX_SNAPSHOT_STORE: 'ftp://x/y', MICROSTAX_S3_ENDPOINT: 'not a url' }),
      ).map((problem) => problem.split(':')[0]),
    ).toEqual(['MICROSTAX_SNAPSHOT_STORE', 'MICROSTAX_S3_ENDPOINT']);
  });

  it('snapshots run as Jobs with an object store and a transfer image; the job runner needs both', () => {
    const s3 = { MICROSTAX_SNAPSHOT_STORE: 's3://bucket' };
    const image = { MICROSTAX_SNAPSHOT_JOB_IMAGE: 'ghcr.io/acme/microstax:0.1.0' };
    expect(snapshotRunnerOf(loadWorkerSettings({ ...s3, ...image }))).toBe('job');
    expect(snapshotRunnerOf(loadWorkerSettings(s3))).toBe('worker');
    expect(snapshotRunnerOf(loadWorkerSettings({ MICROSTAX_SNAPSHOT_DIR: '/snapshots' }))).toBe('worker');
    expect(
      snapshotRunnerOf(loadWorkerSettings({ ...s3, ...image, MICROSTAX_SNAPSHOT_RUNNER: 'worker' })),
    ).toBe('worker');
    expect(problemsOf(() => loadWorkerSettings({ ...s3, MICROSTAX_SNAPSHOT_RUNNER: 'job' }))).toEqual([
      'MICROSTAX_SNAPSHOT_JOB_IMAGE: required for the job runner (MICROSTAX_SNAPSHOT_RUNNER=worker runs the tools on the worker)',
    ]);
    expect(
      problemsOf(() =>
        loadWorkerSettings({ MICROSTAX_SNAPSHOT_DIR: '/s', MICROSTAX_SNAPSHOT_RUNNER: 'job', ...image }),
      ),
    ).toEqual([
      'MICROSTAX_SNAPSHOT_RUNNER: job needs an s3:// MICROSTAX_SNAPSHOT_STORE (Jobs reach the store through presigned URLs)',
    ]);
    expect(
      problemsOf(() => loadWorkerSettings({ ...s3, MICROSTAX_SNAPSHOT_RUNNER: 'pod' })).map(
        (problem) => problem.split(':')[0],
      ),
    ).toEqual(['MICROSTAX_SNAPSHOT_RUNNER']);
  });

  it('an s3 URL names a bucket and a key prefix', () => {
    expect(parseS3Url('s3://team-snapshots')).toEqual({ bucket: 'team-snapshots', prefix: '' });
    expect(parseS3Url('s3://team-snapshots/a/b/')).toEqual({ bucket: 'team-snapshots', prefix: 'a/b/' });
    expect(() => parseS3Url('https://x/y')).toThrow(/not an s3/);
  });
});
