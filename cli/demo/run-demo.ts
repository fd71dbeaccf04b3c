import path from 'node:path';
import { ApiClient, ApiClientError } from '../../api/client.js';
import { formatProblem } from '../../blueprints/problems.js';
import { loadDeployConfig } from '../../deploy/config.js';
import { namespaceFor } from '../../deploy/names.js';
import { binaryPath } from '../../local/stack/binaries.js';
import { REPO_ROOT, resolveStackConfig } from '../../local/stack/config.js';
import { ensureControlPlane } from '../../local/stack/control-plane.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { StackError } from '../../local/stack/errors.js';
import { TEST_USER_PASSWORD, TEST_USERS } from '../../local/stack/oidc.js';
import type { Progress } from '../../local/stack/progress.js';
import { workflowIds } from '../../workflows/contracts.js';
import { createEnvironment, type EnvironmentBody, FINISHED_PHASES, follow } from '../commands/env.js';
import { demoAdminToken, demoTokenFile } from './admin-token.js';

/** The founding example every demo creates. */
export const DEMO_BLUEPRINT = path.join(
  REPO_ROOT,
  'blueprints',
  'examples',
  'checkout-dev',
  'checkout-dev.yaml',
);
/**
 * Re-running the demo sends the same key, so the API answers with the same environment. Once that
 * environment is gone (deleted, failed), the next demo moves on to `<key>-2`, `<key>-3`, ...
 */
export const DEMO_IDEMPOTENCY_KEY = 'demo-checkout-dev';
const MAX_GENERATIONS = 50;
/** Phases in which the demo's environment will never be ready again: make a fresh one. */
const GONE_PHASES = new Set(['tearing-down', 'deleted', 'failed', 'claimed']);

/** Which step of the demo failed; `logFile` is where to look. */
export type DemoErrorType = 'stack' | 'control-plane' | 'token' | 'environment';

/** A demo failure naming the part that failed and its log file. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
  constructor(
    readonly type: DemoErrorType,
    message: string,
    readonly params: { part: string; logFile?: string; fix?: string },
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  toJSON() {
    return { type: this.type, message: this.message, ...this.params };
  }
}

/** What the demo prints (as text, or as JSON with `--json`). */
export interface DemoResult {
  environment: {
    id: string;
    phase: string;
    blueprint: string;
    services: { name: string; state: string; url: string | null }[];
    urls: Record<string, string>;
  };
  temporal: { uiUrl: string; namespace: string; workflowId: string; workflowUrl: string };
  api: { url: string; docsUrl: string; dashboardUrl: string; tokenFile: string };
  /**
   * The local OpenID Connect provider's test users, when the stack runs one: who to sign in to the
   * dashboard as (these are the stack's fixed test accounts, not secrets of any installation).
   */
  signIn: { users: { email: string; groups: string[] }[]; password: string } | null;
  /** A command that calls the api service's URL with the demo's token (read from its file, never printed). */
  howToCall: string | null;
  kubernetes: { kubeconfig: string; namespace: string; kubectl: string };
  controlPlane: { started: string[]; processes: { name: string; pid: number; logFile: string }[] };
  teardown: { environment: string; stack: string };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Creates (or finds) the demo environment, moving past generations that are gone. */
async function demoEnvironment(api: ApiClient): Promise<EnvironmentBody> {
  for (let generation = 1; generation <= MAX_GENERATIONS; generation++) {
    const key = generation === 1 ? DEMO_IDEMPOTENCY_KEY : `${DEMO_IDEMPOTENCY_KEY}-${generation}`;
    const created = await createEnvironment({
      api,
      file: DEMO_BLUEPRINT,
      overlays: [],
      context: {},
      idempotencyKey: key,
    });
    if (!created.ok) {
      throw new Error(
        `${DEMO_BLUEPRINT} does not resolve: ${created.problems.map(formatProblem).join('; ')}`,
      );
    }
    if (!GONE_PHASES.has(created.environment.phase)) return created.environment;
  }
  throw new Error(`the demo environments of the last ${MAX_GENERATIONS} demos are all gone or failed`);
}

/** A client with the demo's admin token, renewing the token once if the API no longer knows it. */
async function demoClient(params: { apiUrl: string; stateDir: string }): Promise<ApiClient> {
  for (const renew of [false, true]) {
    const token = await demoAdminToken({ stateDir: params.stateDir, renew });
    const api = new ApiClient({ url: params.apiUrl, token });
    try {
      await api.request({ path: '/v1/environments?limit=1' });
      return api;
    } catch (error) {
      if (!(error instanceof ApiClientError) || error.status !== 401 || renew) throw error;
    }
  }
  throw new Error('unreachable');
}

/**
 * The demo: starts the control plane (worker, API) if needed, gets the demo's admin token, creates
 * the checkout-dev example environment (idempotently) and waits until it is ready, printing
 * per-service progress to stderr. Throws DemoError naming the part that failed.
 */
export async function runDemo(options: { progress: Progress }): Promise<DemoResult> {
  const requested = resolveStackConfig();
  const endpoints = await readStackEndpoints().catch((error: unknown) => {
    throw new DemoError('stack', message(error), {
      part: 'stack',
      fix: 'run `node bin/microstax.js stack up` (or `npm run demo`, which does it)',
    });
  });
  const logsDir = path.join(endpoints.stateDir, 'logs');
  const workerLog = path.join(logsDir, 'worker.log');
  const apiLog = path.join(logsDir, 'api.log');

  const controlPlane = await ensureControlPlane({ config: requested, progress: options.progress }).catch(
    (error: unknown) => {
      const params = error instanceof StackError ? error.params : {};
      throw new DemoError('control-plane', message(error), {
        part: params.part ?? 'control plane',
        logFile: params.logFile,
        fix: params.fix,
      });
    },
  );

  options.progress.step('demo environment (blueprints/examples/checkout-dev)');
  const api = await demoClient({ apiUrl: controlPlane.apiUrl, stateDir: endpoints.stateDir }).catch(
    (error: unknown) => {
      throw new DemoError('token', `could not get the demo's admin token: ${message(error)}`, {
        part: 'api',
        logFile: apiLog,
      });
    },
  );
  let environment: EnvironmentBody;
  try {
    environment = await demoEnvironment(api);
    options.progress.info(`environment ${environment.id} (${environment.phase})`);
    if (environment.phase !== 'ready') {
      environment = await follow(
        api,
        environment.id,
        (phase) => phase === 'ready' || FINISHED_PHASES.has(phase),
      );
    }
  } catch (error) {
    throw new DemoError('environment', `the demo environment could not be created: ${message(error)}`, {
      part: 'environment',
      logFile: `${apiLog} and ${workerLog}`,
    });
  }
  if (environment.phase !== 'ready') {
    const why = environment.error ? `: ${environment.error.type}: ${environment.error.message}` : '';
    throw new DemoError('environment', `environment ${environment.id} ended ${environment.phase}${why}`, {
      part: 'environment',
      logFile: workerLog,
      fix: 'read the worker log, then run the demo again (it makes a fresh environment)',
    });
  }

  const stackConfig = resolveStackConfig();
  const namespace = namespaceFor(environment.id, loadDeployConfig().namespacePrefix);
  const workflowId = environment.workflowId ?? workflowIds.environment(environment.id);
  const uiUrl = endpoints.temporal.uiUrl.replace(/\/+$/, '');
  const tokenFile = demoTokenFile(endpoints.stateDir);
  const kubectl = `KUBECONFIG=${endpoints.kubeconfigPath} ${binaryPath(stackConfig.binDir, 'kubectl')} get all,ingress -n ${namespace}`;
  return {
    environment: {
      id: environment.id,
      phase: environment.phase,
      blueprint: environment.blueprint
        ? `${environment.blueprint.name} v${environment.blueprint.version}`
        : 'checkout-dev',
      services: environment.services.map((service) => ({
        name: service.name,
        state: service.state,
        url: environment.urls[service.name] ?? null,
      })),
      urls: environment.urls,
    },
    temporal: {
      uiUrl,
      namespace: endpoints.temporal.namespace,
      workflowId,
      workflowUrl: `${uiUrl}/namespaces/${encodeURIComponent(endpoints.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
    },
    api: {
      url: controlPlane.apiUrl,
      docsUrl: `${controlPlane.apiUrl}/docs`,
      dashboardUrl: `${controlPlane.apiUrl}/ui/environments/${environment.id}`,
      tokenFile,
    },
    signIn: endpoints.oidc
      ? {
          users: TEST_USERS.map((user) => ({ email: user.email, groups: [...user.groups] })),
          password: TEST_USER_PASSWORD,
        }
      : null,
    howToCall: environment.urls.api
      ? `curl -H "Authorization: Bearer $(cat ${tokenFile})" ${environment.urls.api}/products`
      : null,
    kubernetes: { kubeconfig: endpoints.kubeconfigPath, namespace, kubectl },
    controlPlane: {
      started: controlPlane.started,
      processes: controlPlane.processes.map(({ name, pid, logFile }) => ({ name, pid, logFile })),
    },
    teardown: {
      environment: `MICROSTAX_URL=${controlPlane.apiUrl} MICROSTAX_TOKEN="$(cat ${tokenFile})" node bin/microstax.js env delete ${environment.id} --wait`,
      stack: 'node bin/microstax.js stack down',
    },
  };
}

/** The demo's result for people. */
export function formatDemo(result: DemoResult): string {
  const { environment, temporal, api, kubernetes, teardown } = result;
  const services = environment.services.map(
    (service) =>
      `    ${service.name.padEnd(12)} ${service.state.padEnd(10)} ${service.url ?? '(internal: no URL)'}`,
  );
  return [
    '',
    `Environment ${environment.id}: ${environment.phase} (${environment.blueprint})`,
    '  services:',
    ...services,
    '',
    `  Temporal UI  ${temporal.workflowUrl}`,
    `  Dashboard    ${api.dashboardUrl}`,
    ...(result.signIn
      ? [
          `               sign in as ${result.signIn.users.map((u) => `${u.email} (${u.groups.join(', ')})`).join(', ')}`,
          `               password "${result.signIn.password}" (the local stack's test users; the admin sees every team)`,
        ]
      : ['               (no sign-in provider: call the API with a token in an Authorization header)']),
    `  API docs     ${api.docsUrl}   (admin token in ${api.tokenFile}, never printed)`,
    `  Kubernetes   ${kubernetes.kubeconfig}   (namespace ${kubernetes.namespace})`,
    '',
    'Look at it (environment URLs answer only with a credential: a token, or a share link from `env share`):',
    ...(result.howToCall ? [`  ${result.howToCall}`] : []),
    `  ${kubernetes.kubectl}`,
    '  node bin/microstax.js stack status',
    '',
    'Tear it down:',
    `  ${teardown.environment}`,
    `  ${teardown.stack}   # stops the worker, the API and the stack (data kept)`,
    '',
  ].join('\n');
}
