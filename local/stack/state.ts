import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The state file (`<stateDir>/stack.json`) records what `stack up` started: the endpoints others
 * connect to, and the exact processes `stack down` stops. It is written after each part comes up,
 * so a failed `up` can still be torn down.
 */

export const PART_NAMES = [
  'temporal',
  'postgres',
  'objects',
  'kubernetes',
  'oidc',
  'nodes',
  'tracing',
] as const;
export type PartName = (typeof PART_NAMES)[number];

export const ProcessRecordSchema = z.object({
  /** Which program, e.g. `etcd`, `kube-apiserver`. */
  name: z.string(),
  pid: z.number().int().positive(),
  /** Process start time (clock ticks since boot, /proc/<pid>/stat) so a reused PID is never killed. */
  startTicks: z.number().int().nonnegative().nullable(),
  logFile: z.string(),
});
export type ProcessRecord = z.infer<typeof ProcessRecordSchema>;

const PartBase = {
  version: z.string(),
  /** True when the part is the user's own (DATABASE_URL, KUBECONFIG): the stack never stops it. */
  external: z.boolean(),
  processes: z.array(ProcessRecordSchema),
};

export const TemporalPartSchema = z.object({
  ...PartBase,
  address: z.string(),
  namespace: z.string(),
  uiUrl: z.string(),
});
export const PostgresPartSchema = z.object({ ...PartBase, databaseUrl: z.string() });
/** The object store (versitygw): an S3 endpoint, its bucket, and the file with its access keys. */
export const ObjectStorePartSchema = z.object({
  ...PartBase,
  /** `http://127.0.0.1:<port>`: the S3 endpoint. */
  endpoint: z.string(),
  bucket: z.string(),
  /** The access key pair, as JSON `{ accessKeyId, secretAccessKey }` (mode 0600). */
  credentialsFile: z.string(),
});
/** The tracing backend (Jaeger v2): where processes send OTLP traces, and where tests query them. */
export const TracingPartSchema = z.object({
  ...PartBase,
  /** `http://127.0.0.1:<port>`: OTEL_EXPORTER_OTLP_ENDPOINT for the API, worker and gateway. */
  otlpEndpoint: z.string(),
  /** `http://127.0.0.1:<port>`: Jaeger's query API (`/api/traces`, `/api/services`). */
  queryUrl: z.string(),
});
export type TracingPart = z.infer<typeof TracingPartSchema>;
export const KubernetesPartSchema = z.object({ ...PartBase, kubeconfigPath: z.string(), server: z.string() });
/**
 * The real node tier (`stack up --real-nodes`): the image registry, containerd, CoreDNS, the kubelet,
 * kube-proxy and the ingress gateway, as one part, since none of them is of use without the others.
 */
export const NodesPartSchema = z.object({
  ...PartBase,
  nodeName: z.string(),
  /** `host:port` of the local image registry (plain HTTP on loopback). */
  registry: z.string(),
  /** Where exposed services answer: `http://<service>.<env>.<baseDomain>:<port>` through this gateway. */
  gatewayUrl: z.string().optional(),
});

/** Dex, the OpenID Connect provider the API signs people in with (stack/oidc.ts). */
export const OidcPartSchema = z.object({
  ...PartBase,
  /** The issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: z.string(),
  /** The dashboard client's secret (mode 0600); the API reads it, nothing prints it. */
  clientSecretFile: z.string(),
  /** The API's callback registered with the provider (the stack's API port). */
  redirectUrl: z.string(),
  /** Callbacks registered for tests' own APIs (config `apiTests` ports); absent before they were. */
  testRedirectUrls: z.array(z.string()).optional(),
});
export type OidcPart = z.infer<typeof OidcPartSchema>;

/**
 * The MicroStax control plane (worker and API) when `microstax demo` started it: not a part of the
 * stack (`stack status` stays "up" without it), but recorded here so `stack down` stops it too.
 */
export const ControlPlaneSchema = z.object({
  apiUrl: z.string(),
  processes: z.array(ProcessRecordSchema),
});
export type ControlPlane = z.infer<typeof ControlPlaneSchema>;

export const StackStateSchema = z.object({
  schemaVersion: z.literal(1),
  stateDir: z.string(),
  updatedAt: z.string(),
  /** The port offset this stack runs with (see stack/config.ts), kept across `down` and `up`. */
  portOffset: z.number().int().nonnegative().default(0),
  parts: z.object({
    temporal: TemporalPartSchema.optional(),
    postgres: PostgresPartSchema.optional(),
    objects: ObjectStorePartSchema.optional(),
    kubernetes: KubernetesPartSchema.optional(),
    /** Dex, the OpenID Connect provider (stack/oidc.ts). */
    oidc: OidcPartSchema.optional(),
    nodes: NodesPartSchema.optional(),
    /** The tracing backend (stack/tracing-backend.ts). */
    tracing: TracingPartSchema.optional(),
  }),
  /** Processes started by an `up` still in progress (or one that failed): `down` stops them too. */
  starting: z.array(ProcessRecordSchema).default([]),
  controlPlane: ControlPlaneSchema.optional(),
});
export type StackState = z.infer<typeof StackStateSchema>;
export type TemporalPart = z.infer<typeof TemporalPartSchema>;
export type PostgresPart = z.infer<typeof PostgresPartSchema>;
export type ObjectStorePart = z.infer<typeof ObjectStorePartSchema>;
export type KubernetesPart = z.infer<typeof KubernetesPartSchema>;
export type NodesPart = z.infer<typeof NodesPartSchema>;

/** Reads the state file; `undefined` when there is none. Throws when it exists but is unreadable. */
export async function readStackState(stateFile: string): Promise<StackState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = StackStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${stateFile} is not a valid stack state file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Writes the state file atomically (write + rename), so readers never see half a file. */
export async function writeStackState(stateFile: string, state: StackState): Promise<void> {
  await mkdir(path.dirname(stateFile), { recursive: true });
  const temporary = `${stateFile}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, stateFile);
}

/** An empty state for a stack whose parts have not started yet. */
export function emptyStackState(stateDir: string): StackState {
  return {
    schemaVersion: 1,
    stateDir,
    updatedAt: new Date().toISOString(),
    portOffset: 0,
    parts: {},
    starting: [],
  };
}
