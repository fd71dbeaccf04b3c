import { PassThrough, type Writable } from 'node:stream';
import { Log, type V1Pod } from '@kubernetes/client-node';
import { KubeClient } from '../deploy/kube-client.js';
import { LABELS, MANAGED_BY } from '../deploy/labels.js';

/** What a caller may ask of a service's logs. */
export interface LogRequest {
  /** Lines from the end of each pod's log. */
  tailLines: number;
  /** Only lines newer than this many seconds. */
  sinceSeconds?: number;
  /** Keep streaming new lines until the caller goes away. */
  follow: boolean;
}

/**
 * Reads one service's logs from the cluster: every pod of the service in the environment's namespace
 * (found by MicroStax's labels, so nothing outside an environment is ever read), each line prefixed
 * with its pod when there are several. Kubernetes does the tailing and following; this only merges.
 */
export class ServiceLogs {
  private kube?: KubeClient;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  private client(): KubeClient {
    this.kube ??= KubeClient.fromEnvironment(this.env);
    return this.kube;
  }

  /**
   * The service's pods, oldest first: its workload's, or with `init` its init steps' Jobs'. Empty when
   * it runs none (asleep, or not scheduled yet).
   */
  async pods(params: { runtimeId: string; service: string; init: boolean }): Promise<V1Pod[]> {
    const list = await this.client().list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      labelSelector: `${LABELS.managedBy}=${MANAGED_BY},${LABELS.environment}=${params.runtimeId},${LABELS.service}=${params.service}`,
    });
    const ofJob = (pod: V1Pod) => (pod.metadata?.ownerReferences ?? []).some((owner) => owner.kind === 'Job');
    return list.items
      .filter((pod) => ofJob(pod) === params.init)
      .sort((a, b) =>
        String(a.metadata?.creationTimestamp ?? '').localeCompare(
          String(b.metadata?.creationTimestamp ?? ''),
        ),
      );
  }

  /**
   * Writes the pods' logs to `out` and resolves when every pod's log ended (or, following, when
   * `signal` aborts). Lines of several pods are prefixed `[pod] `.
   */
  async stream(params: {
    pods: V1Pod[];
    request: LogRequest;
    out: Writable;
    signal: AbortSignal;
  }): Promise<void> {
    const log = new Log(this.client().config);
    const prefix = params.pods.length > 1;
    const requests = await Promise.all(
      params.pods.map(async (pod) => {
        const lines = new PassThrough();
        const name = pod.metadata!.name!;
        let partial = '';
        lines.on('data', (chunk: Buffer) => {
          const text = partial + chunk.toString('utf8');
          const complete = text.lastIndexOf('\n') + 1;
          partial = text.slice(complete);
          if (complete === 0 || params.out.writableEnded) return;
          const body = text.slice(0, complete);
          params.out.write(prefix ? body.replace(/^(?=.)/gm, `[${name}] `) : body);
        });
        const done = new Promise<void>((resolve) => {
          lines.on('end', () => {
            if (partial && !params.out.writableEnded)
              params.out.write(`${prefix ? `[${name}] ` : ''}${partial}\n`);
            resolve();
          });
          lines.on('error', () => resolve());
        });
        const request = await log.log(pod.metadata!.namespace!, name, pod.spec!.containers[0]!.name, lines, {
          follow: params.request.follow,
          tailLines: params.request.tailLines,
          sinceSeconds: params.request.sinceSeconds,
        });
        return { request, done };
      }),
    );
    const abort = () => {
      for (const { request } of requests) request.abort();
    };
    if (params.signal.aborted) abort();
    params.signal.addEventListener('abort', abort, { once: true });
    try {
      await Promise.all(requests.map(({ done }) => done));
    } finally {
      params.signal.removeEventListener('abort', abort);
    }
  }
}
