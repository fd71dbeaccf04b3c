import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Writable } from 'node:stream';
import type { V1Pod } from '@kubernetes/client-node';
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
   * `signal` aborts: the requests to the cluster are cut and what arrived is written). Lines of
   * several pods are prefixed `[pod] `.
   */
  async stream(params: {
    pods: V1Pod[];
    request: LogRequest;
    out: Writable;
    signal: AbortSignal;
  }): Promise<void> {
    const prefix = params.pods.length > 1;
    const responses = await Promise.all(
      params.pods.map((pod) => this.open({ pod, request: params.request, signal: params.signal })),
    );
    await Promise.all(
      responses.map(async (response, index) => {
        const label = prefix ? `[${params.pods[index]!.metadata!.name}] ` : '';
        const write = (text: string) => {
          if (!params.out.writableEnded) params.out.write(label ? text.replace(/^(?=.)/gm, label) : text);
        };
        let partial = '';
        try {
          for await (const chunk of response) {
            const text = partial + (chunk as Buffer).toString('utf8');
            const complete = text.lastIndexOf('\n') + 1;
            partial = text.slice(complete);
            if (complete > 0) write(text.slice(0, complete));
          }
        } catch (error) {
          // Cut by the signal (the caller left, the token was revoked): an ordinary end.
          if (!params.signal.aborted) throw error;
        }
        if (partial) write(`${partial}\n`);
      }),
    );
  }

  /** One pod's log as a response stream, straight from the API server (aborted by `signal`). */
  private async open(params: {
    pod: V1Pod;
    request: LogRequest;
    signal: AbortSignal;
  }): Promise<IncomingMessage> {
    const { config } = this.client();
    const cluster = config.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig names no current cluster');
    const { metadata, spec } = params.pod;
    const url = new URL(
      `${cluster.server}/api/v1/namespaces/${metadata!.namespace}/pods/${metadata!.name}/log`,
    );
    url.searchParams.set('container', spec!.containers[0]!.name);
    url.searchParams.set('tailLines', String(params.request.tailLines));
    if (params.request.follow) url.searchParams.set('follow', 'true');
    if (params.request.sinceSeconds)
      url.searchParams.set('sinceSeconds', String(params.request.sinceSeconds));
    const options: https.RequestOptions = { method: 'GET', signal: params.signal };
    await config.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, options, (response) => {
        if (response.statusCode === 200) return resolve(response);
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body = (body + chunk.toString('utf8')).slice(0, 2000);
        });
        response.on('error', reject);
        response.on('end', () =>
          reject(new Error(`the log of pod ${metadata!.name}: ${response.statusCode} ${body.trim()}`)),
        );
      });
      request.on('error', reject);
      request.end();
    });
  }
}
