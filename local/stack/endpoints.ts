import { resolveStackConfig, STACK_UP_COMMAND } from './config.js';
import { StackError } from './errors.js';
import { readStackState } from './state.js';

/** Where the running stack's parts listen: what workers, the API and tests connect to. */
export interface StackEndpoints {
  /** The stack's state directory (data, logs, kubeconfig). */
  stateDir: string;
  temporal: {
    /** host:port of the Temporal frontend, for `Connection.connect({ address })`. */
    address: string;
    namespace: string;
    /** The Temporal web UI. */
    uiUrl: string;
  };
  /** A `postgres://` URL; `DATABASE_URL` wins when set. */
  databaseUrl: string;
  /** A kubeconfig file path; `KUBECONFIG` wins when set. */
  kubeconfigPath: string;
  /** The object store (S3 API) snapshot artifacts go to. */
  objectStore?: {
    endpoint: string;
    bucket: string;
    /** JSON `{ accessKeyId, secretAccessKey }`, mode 0600. */
    credentialsFile: string;
  };
  /** The OpenID Connect provider (Dex), when the stack runs it. */
  oidc?: {
    issuer: string;
    /** The file holding the dashboard client's secret. */
    clientSecretFile: string;
    /** The API callback the provider knows (on the stack's API port). */
    redirectUrl: string;
    /** Callbacks the provider knows for tests' own APIs (empty when its config predates them). */
    testRedirectUrls: string[];
  };
  /** The real node tier, when `stack up --real-nodes` started it (and no KUBECONFIG overrides the cluster). */
  realNode?: {
    nodeName: string;
    /** `host:port` of the local image registry. */
    registry: string;
    /** The ingress gateway's base URL, e.g. `http://127.0.0.1:18081`; exposed services answer there by Host. */
    gatewayUrl?: string;
  };
}

/**
 * Reads the endpoints the running local stack recorded (`<stateDir>/stack.json`, state dir from
 * `MICROSTAX_STATE_DIR`). `DATABASE_URL` and `KUBECONFIG` override the recorded Postgres and cluster.
 * Throws a `StackError` of type `stack-not-up` naming the command to run when the stack is not up.
 */
export async function readStackEndpoints(env: NodeJS.ProcessEnv = process.env): Promise<StackEndpoints> {
  const config = resolveStackConfig(env);
  const state = await readStackState(config.stateFile);
  const notUp = (what: string) =>
    new StackError('stack-not-up', `The local stack is not up: ${what}.`, {
      fix: `run \`${STACK_UP_COMMAND}\``,
    });
  if (!state) throw notUp(`no state file at ${config.stateFile}`);
  const { temporal, postgres, kubernetes } = state.parts;
  if (!temporal) throw notUp(`Temporal is not recorded in ${config.stateFile}`);
  const databaseUrl = config.externalDatabaseUrl ?? postgres?.databaseUrl;
  if (!databaseUrl) throw notUp(`Postgres is not recorded in ${config.stateFile}`);
  const kubeconfigPath = config.externalKubeconfig ?? kubernetes?.kubeconfigPath;
  if (!kubeconfigPath) throw notUp(`Kubernetes is not recorded in ${config.stateFile}`);
  // KUBECONFIG naming the stack's own cluster (as the CLI sets it for the processes it wires) keeps
  // the real node: only another cluster hides it.
  const ownCluster = kubeconfigPath === kubernetes?.kubeconfigPath;
  const nodes = ownCluster ? state.parts.nodes : undefined;
  return {
    stateDir: config.stateDir,
    temporal: { address: temporal.address, namespace: temporal.namespace, uiUrl: temporal.uiUrl },
    databaseUrl,
    kubeconfigPath,
    ...(state.parts.objects && {
      objectStore: {
        endpoint: state.parts.objects.endpoint,
        bucket: state.parts.objects.bucket,
        credentialsFile: state.parts.objects.credentialsFile,
      },
    }),
    ...(state.parts.oidc && {
      oidc: {
        issuer: state.parts.oidc.issuer,
        clientSecretFile: state.parts.oidc.clientSecretFile,
        redirectUrl: state.parts.oidc.redirectUrl,
        testRedirectUrls: state.parts.oidc.testRedirectUrls ?? [],
      },
    }),
    ...(nodes && {
      realNode: { nodeName: nodes.nodeName, registry: nodes.registry, gatewayUrl: nodes.gatewayUrl },
    }),
  };
}
