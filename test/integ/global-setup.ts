import { KubeConfig, VersionApi } from '@kubernetes/client-node';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { STACK_UP_COMMAND } from '../../local/stack/config.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';

/**
 * Integration tests run against the real local stack. Before any of them, check that it is up and
 * answering; otherwise fail the whole run loudly with what is wrong and how to fix it.
 */
export default async function setup(): Promise<void> {
  const fail = (what: string, error: unknown): never => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `\n\n  The local stack is not usable for integration tests: ${what}.\n  ${reason}\n` +
        `  Fix: run \`${STACK_UP_COMMAND}\` (or \`npm test\`, which does it), then \`node bin/microstax.js stack status\`.\n`,
    );
  };
  const endpoints = await readStackEndpoints().catch((error) => fail('no recorded endpoints', error));

  const connection = await Connection.connect({
    address: endpoints.temporal.address,
    connectTimeout: 5000,
  }).catch((error) => fail(`Temporal does not answer at ${endpoints.temporal.address}`, error));
  try {
    await connection.workflowService
      .describeNamespace({ namespace: endpoints.temporal.namespace })
      .catch((error) => fail(`Temporal namespace ${endpoints.temporal.namespace} is missing`, error));
  } finally {
    await connection.close();
  }

  const client = new pg.Client({ connectionString: endpoints.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    fail('Postgres does not answer', error);
  } finally {
    await client.end().catch(() => {});
  }

  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(endpoints.kubeconfigPath);
    await kubeConfig.makeApiClient(VersionApi).getCode();
  } catch (error) {
    fail(`the Kubernetes API (kubeconfig ${endpoints.kubeconfigPath}) does not answer`, error);
  }
}
