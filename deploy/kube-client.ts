import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  KubernetesObjectApi,
  ListWatch,
  PatchStrategy,
  Watch,
} from '@kubernetes/client-node';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { SettingsError } from '../settings/env-settings.js';
import { KubeApiError } from './errors.js';

const tracer = trace.getTracer('microstax-kubernetes');

/** The one field manager for everything MicroStax applies, so ownership of fields stays clear. */
export const FIELD_MANAGER = 'microstax';

/** Which object: what `read`, `delete` and `apply` address. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 6, initialDelayMs: 200, maxDelayMs: 5_000 };

/** HTTP statuses that mean "try again later": throttling and server-side trouble. */
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Error codes of a lost or refused connection (undici wraps them in `cause`). */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_CLOSED',
]);

export interface ListOptions {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchListOptions extends ListOptions {
  /** Called on every add, update or delete, after the first full list. */
  onChange: (event: 'add' | 'update' | 'delete', object: KubernetesObject) => void;
  /** Called when the watch cannot be kept open (after its own reconnect attempts). */
  onError: (error: KubeApiError) => void;
}

/** A running list+watch whose cache always holds the latest copy of each object. */
export interface WatchedList<T extends KubernetesObject> {
  list(): readonly T[];
  stop(): Promise<void>;
}

/**
 * The one thin wrapper over @kubernetes/client-node: server-side apply with a single field manager,
 * retries with backoff on throttling, server errors and lost connections, typed errors
 * (KubeApiError with status code and API message), `readOrNull`, and list+watch caches.
 */
export class KubeClient {
  readonly config: KubeConfig;
  readonly objects: KubernetesObjectApi;
  readonly core: CoreV1Api;
  private readonly retry: RetryPolicy;

  constructor(config: KubeConfig, retry: Partial<RetryPolicy> = {}) {
    this.config = config;
    this.objects = KubernetesObjectApi.makeApiClient(config);
    this.core = config.makeApiClient(CoreV1Api);
    this.retry = { ...DEFAULT_RETRY, ...retry };
  }

  /** A client for the cluster a kubeconfig file describes (its current context). */
  static fromKubeconfigFile(path: string, retry?: Partial<RetryPolicy>): KubeClient {
    const config = new KubeConfig();
    config.loadFromFile(path);
    return new KubeClient(config, retry);
  }

  /**
   * The client of a process: the kubeconfig file KUBECONFIG names, else the pod's ServiceAccount
   * (in a pod, KUBERNETES_SERVICE_HOST is set). Neither is a SettingsError naming KUBECONFIG.
   */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env, retry?: Partial<RetryPolicy>): KubeClient {
    const config = new KubeConfig();
    if (env.KUBECONFIG) config.loadFromFile(env.KUBECONFIG);
    else if (env.KUBERNETES_SERVICE_HOST) config.loadFromCluster();
    else {
      throw new SettingsError('Kubernetes', [
        { variable: 'KUBECONFIG', message: 'required outside a pod (no KUBERNETES_SERVICE_HOST), not set' },
      ]);
    }
    return new KubeClient(config, retry);
  }

  /** Server-side apply (force: we are the only manager of what we render); returns the live object. */
  apply<T extends KubernetesObject>(object: T): Promise<T> {
    return this.call(`apply ${describe(object)}`, () =>
      this.objects.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply),
    );
  }

  /**
   * Sets (or, with null, removes) annotations by a JSON merge patch: touches nothing else and takes no
   * field ownership, unlike an apply of a partial object.
   */
  annotate(ref: ObjectRef, annotations: Record<string, string | null>): Promise<KubernetesObject> {
    const patch = { ...header(ref), metadata: { ...header(ref).metadata, annotations } } as KubernetesObject;
    return this.call(`annotate ${describeRef(ref)}`, () =>
      this.objects.patch(patch, undefined, undefined, FIELD_MANAGER, undefined, PatchStrategy.MergePatch),
    );
  }

  /** Reads an object; a missing one is a KubeApiError with statusCode 404. */
  read<T extends KubernetesObject>(ref: ObjectRef): Promise<T> {
    return this.call(`read ${describeRef(ref)}`, () => this.objects.read<T>(header(ref)));
  }

  /** Reads an object, or returns null when it does not exist. */
  async readOrNull<T extends KubernetesObject>(ref: ObjectRef): Promise<T | null> {
    try {
      return await this.read<T>(ref);
    } catch (error) {
      if (error instanceof KubeApiError && error.params.statusCode === 404) return null;
      throw error;
    }
  }

  /**
   * Deletes an object; returns false when it was already gone. Dependents go in the background.
   * `gracePeriodSeconds` overrides a pod's own termination grace period (absent: the object's own).
   */
  async delete(ref: ObjectRef, options: { gracePeriodSeconds?: number } = {}): Promise<boolean> {
    try {
      await this.call(`delete ${describeRef(ref)}`, () =>
        this.objects.delete(
          header(ref),
          undefined,
          undefined,
          options.gracePeriodSeconds,
          undefined,
          'Background',
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof KubeApiError && error.params.statusCode === 404) return false;
      throw error;
    }
  }

  /** Lists objects of one kind (all pages). */
  async list<T extends KubernetesObject>(options: ListOptions): Promise<KubernetesListObject<T>> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let last: KubernetesListObject<T>;
    do {
      const token = continueToken;
      last = await this.call(`list ${options.apiVersion} ${options.kind}`, () =>
        this.objects.list<T>(
          options.apiVersion,
          options.kind,
          options.namespace,
          undefined,
          undefined,
          undefined,
          options.fieldSelector,
          options.labelSelector,
          500,
          token,
        ),
      );
      items.push(...last.items);
      continueToken = last.metadata?._continue || undefined;
    } while (continueToken);
    return { ...last, items };
  }

  /** Lists and then watches one kind, keeping a cache; resumes after dropped connections. */
  async watchList<T extends KubernetesObject>(options: WatchListOptions): Promise<WatchedList<T>> {
    const path = await this.collectionPath(options);
    const listWatch = new ListWatch<T>(
      path,
      new Watch(this.config),
      () => this.list<T>(options),
      false,
      options.labelSelector,
      options.fieldSelector,
    );
    let stopped = false;
    listWatch.on('add', (object) => options.onChange('add', object));
    listWatch.on('update', (object) => options.onChange('update', object));
    listWatch.on('delete', (object) => options.onChange('delete', object));
    listWatch.on('error', (error: unknown) => {
      if (stopped) return;
      const typed = toKubeApiError(error, `watch ${path}`);
      if (!typed.retryable) {
        options.onError(typed);
        return;
      }
      // A lost connection: start again from a fresh list after a short pause.
      void sleep(this.retry.initialDelayMs).then(() => {
        if (!stopped)
          listWatch.start().catch((e: unknown) => options.onError(toKubeApiError(e, `watch ${path}`)));
      });
    });
    await listWatch.start();
    return {
      list: () => listWatch.list(),
      stop: async () => {
        stopped = true;
        await listWatch.stop();
      },
    };
  }

  /**
   * Runs one API call with retries on throttling, server errors and lost connections, as one
   * `kubernetes <operation>` span when traces are on (a no-op tracer otherwise).
   */
  call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return tracer.startActiveSpan(`kubernetes ${operation}`, { kind: SpanKind.CLIENT }, async (span) => {
      try {
        return await this.callWithRetries(operation, fn);
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async callWithRetries<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    let delay = this.retry.initialDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        const typed = toKubeApiError(error, operation);
        if (!typed.retryable || attempt >= this.retry.attempts) throw typed;
        const retryAfterMs = retryAfter(error);
        await sleep(retryAfterMs ?? delay * (0.5 + Math.random()));
        delay = Math.min(delay * 2, this.retry.maxDelayMs);
      }
    }
  }

  /** The REST path of a collection, e.g. /apis/apps/v1/namespaces/x/deployments. */
  private async collectionPath(options: ListOptions): Promise<string> {
    const resource = await this.call(`discover ${options.apiVersion} ${options.kind}`, async () => {
      // The object API caches discovery, so this costs one request per group version.
      const found = await (
        this.objects as unknown as {
          resource(apiVersion: string, kind: string): Promise<{ name: string } | undefined>;
        }
      ).resource(options.apiVersion, options.kind);
      if (!found) throw new Error(`unknown kind ${options.apiVersion} ${options.kind}`);
      return found;
    });
    const base = options.apiVersion.includes('/')
      ? `/apis/${options.apiVersion}`
      : `/api/${options.apiVersion}`;
    const ns = options.namespace ? `/namespaces/${options.namespace}` : '';
    return `${base}${ns}/${resource.name}`;
  }
}

/** Normalises anything client-node or undici throws into a KubeApiError with a retryable flag. */
export function toKubeApiError(error: unknown, operation: string): KubeApiError {
  if (error instanceof KubeApiError) return error;
  if (error instanceof ApiException) {
    const body = parseBody(error.body);
    const statusCode = error.code;
    return new KubeApiError(
      { statusCode, reason: body.reason, apiMessage: body.message ?? `HTTP ${statusCode}`, operation },
      RETRYABLE_STATUS.has(statusCode),
    );
  }
  const statusCode = (error as { statusCode?: unknown })?.statusCode;
  if (typeof statusCode === 'number') {
    return new KubeApiError(
      { statusCode, apiMessage: errorMessage(error), operation },
      RETRYABLE_STATUS.has(statusCode),
    );
  }
  const code = networkCode(error);
  if (code !== undefined || (error instanceof Error && error.name === 'TimeoutError')) {
    return new KubeApiError(
      { statusCode: 0, reason: code ?? 'Timeout', apiMessage: errorMessage(error), operation },
      true,
    );
  }
  return new KubeApiError(
    { statusCode: 0, reason: 'ClientError', apiMessage: errorMessage(error), operation },
    false,
  );
}

function parseBody(body: unknown): { reason?: string; message?: string } {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return { message: body };
    }
  }
  if (value && typeof value === 'object') {
    const { reason, message } = value as { reason?: unknown; message?: unknown };
    return {
      reason: typeof reason === 'string' ? reason : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  }
  return {};
}

/** Finds a network error code anywhere in the cause chain (fetch wraps the socket error). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  if (error instanceof TypeError && error.message === 'fetch failed') return 'FETCH_FAILED';
  return undefined;
}

function retryAfter(error: unknown): number | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const headers = error.headers as Record<string, string> | undefined;
  const value = Number(headers?.['retry-after']);
  return Number.isFinite(value) && value > 0 ? Math.min(value * 1000, 10_000) : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

function header(ref: ObjectRef) {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: ref.namespace ? { name: ref.name, namespace: ref.namespace } : { name: ref.name },
  };
}

function describeRef(ref: ObjectRef): string {
  return `${ref.apiVersion} ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** "apps/v1 Deployment ns/name", for error messages. */
export function describe(object: KubernetesObject): string {
  return describeRef({
    apiVersion: object.apiVersion ?? 'v1',
    kind: object.kind ?? '?',
    name: object.metadata?.name ?? '?',
    namespace: object.metadata?.namespace,
  });
}
