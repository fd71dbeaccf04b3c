import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SERVICE_CLUSTER_IP_RANGE } from '../../../local/stack/kubernetes/pki.js';
import { POD_BRIDGE } from '../../../local/stack/node/layout.js';
import { realNodeConfig } from './support.js';

const run = promisify(execFile);

/** Connects to address:port; resolves how it ended within `ms`. */
const tryConnect = (address: string, port: number, ms: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host: address, port });
    const done = (how: string) => {
      socket.destroy();
      resolve(how);
    };
    socket.setTimeout(ms, () => done('timeout'));
    socket.once('connect', () => done('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });

describe('the host side of the pod network', () => {
  it('keeps Service addresses on the bridge: one no Service holds is answered by nobody', async () => {
    await realNodeConfig(); // fails loudly without the real node
    // The last address of the range: the API server hands addresses out from the start.
    const unused = SERVICE_CLUSTER_IP_RANGE.replace(/\.0\.0\/16$/, '.255.254');
    const { stdout } = await run('ip', ['route', 'get', unused]);
    expect(stdout).toContain(`dev ${POD_BRIDGE}`);
    // Off the machine, something answered such addresses (once a pg_dump to a Service kube-proxy had
    // not programmed yet got an HTTP reply); on the bridge nobody does.
    expect(await tryConnect(unused, 80, 5000)).not.toBe('connected');
  });
});
