import type { V1Namespace } from '@kubernetes/client-node';
import { afterAll, beforeAll } from 'vitest';
import type { KubeClient } from '../../deploy/kube-client.js';
import { LABELS } from '../../deploy/labels.js';
import { stackKube } from './deploy/helpers.js';

/**
 * Every integration test file must tear down the environments it creates. A namespace left running
 * takes CPU and memory from the next files on the same small cluster (on the real node, a left-over
 * Postgres and API per leak), which is how one file's leak becomes another file's failure. So each
 * file's new environment namespaces must be gone, or at least deleting, when it ends; any that are not
 * are deleted here and the file fails, naming them.
 */
const GRACE_MS = 60_000;
const selector = `${LABELS.managedBy}=microstax`;

let kube: KubeClient;
let before = new Set<string>();

const liveNamespaces = async (): Promise<string[]> => {
  const list = await kube.list<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', labelSelector: selector });
  return list.items
    .filter((ns) => ns.status?.phase !== 'Terminating' && !ns.metadata?.deletionTimestamp)
    .map((ns) => ns.metadata!.name!);
};

beforeAll(async () => {
  kube = await stackKube();
  before = new Set(await liveNamespaces());
});

afterAll(async () => {
  const deadline = Date.now() + GRACE_MS;
  let left: string[] = [];
  do {
    left = (await liveNamespaces()).filter((name) => !before.has(name));
    if (left.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } while (Date.now() < deadline);
  await Promise.all(
    left.map((name) => kube.delete({ apiVersion: 'v1', kind: 'Namespace', name }).catch(() => {})),
  );
  throw new Error(
    `this file left ${left.length} environment namespace(s) behind ${GRACE_MS / 1000} s after its ` +
      `last test: ${left.join(', ')} (deleted now). Tear down what a test creates and wait for it.`,
  );
}, GRACE_MS + 30_000);
