import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import { StackError } from '../../../../local/stack/errors.js';
import { emptyStackState, writeStackState } from '../../../../local/stack/state.js';

describe('readStackEndpoints', () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'microstax-endpoints-'));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  async function writeFullState(): Promise<void> {
    const state = emptyStackState(stateDir);
    state.parts = {
      temporal: {
        version: 'v1.5.1',
        external: false,
        processes: [],
        address: '127.0.0.1:17233',
        namespace: 'microstax',
        uiUrl: 'http://127.0.0.1:18233',
      },
      postgres: { version: '15', external: false, processes: [], databaseUrl: 'postgres://db/recorded' },
      kubernetes: {
        version: 'v1.34.4',
        external: false,
        processes: [],
        kubeconfigPath: '/recorded/kubeconfig',
        server: 'https://127.0.0.1:16443',
      },
      nodes: {
        version: 'v1.34.4',
        external: false,
        processes: [],
        nodeName: 'msx-node-1',
        registry: '127.0.0.1:15000',
        gatewayUrl: 'http://127.0.0.1:18081',
      },
    };
    await writeStackState(path.join(stateDir, 'stack.json'), state);
  }

  it('says the stack is not up and names the command when there is no state file', async () => {
    const error = await readStackEndpoints({ MICROSTAX_STATE_DIR: stateDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackError);
    expect((error as StackError).type).toBe('stack-not-up');
    expect((error as StackError).message).toContain('node bin/microstax.js stack up');
  });

  it('returns the recorded endpoints', async () => {
    await writeFullState();
    await expect(readStackEndpoints({ MICROSTAX_STATE_DIR: stateDir })).resolves.toEqual({
      stateDir,
      temporal: { address: '127.0.0.1:17233', namespace: 'microstax', uiUrl: 'http://127.0.0.1:18233' },
      databaseUrl: 'postgres://db/recorded',
      kubeconfigPath: '/recorded/kubeconfig',
      realNode: { nodeName: 'msx-node-1', registry: '127.0.0.1:15000', gatewayUrl: 'http://127.0.0.1:18081' },
    });
  });

  it("keeps the real node when KUBECONFIG names the stack's own cluster (as the CLI sets it), not another's", async () => {
    await writeFullState();
    const own = await readStackEndpoints({
      MICROSTAX_STATE_DIR: stateDir,
      KUBECONFIG: '/recorded/kubeconfig',
    });
    expect(own.realNode?.nodeName).toBe('msx-node-1');
    const other = await readStackEndpoints({
      MICROSTAX_STATE_DIR: stateDir,
      KUBECONFIG: '/home/me/.kube/config',
    });
    expect(other.realNode).toBeUndefined();
  });

  it('lets DATABASE_URL and KUBECONFIG override the recorded parts', async () => {
    await writeFullState();
    const endpoints = await readStackEndpoints({
      MICROSTAX_STATE_DIR: stateDir,
      DATABASE_URL: 'postgres://mine/db',
      KUBECONFIG: '/home/me/.kube/config',
    });
    expect(endpoints.databaseUrl).toBe('postgres://mine/db');
    expect(endpoints.kubeconfigPath).toBe('/home/me/.kube/config');
  });
});
