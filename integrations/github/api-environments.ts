import { createHash } from 'node:crypto';
import type {
  EnvironmentSummary,
  PlannedService,
  PullRequestEnvironmentSpec,
  PullRequestEnvironments,
} from './ports.js';

/** An answer of the MicroStax API that was not a success; `status` drives retry vs. give up. */
export class EnvironmentsApiError extends Error {
  readonly type = 'environments-api';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EnvironmentsApiError';
  }
}

interface EnvironmentBody {
  id: string;
  phase: string;
  services: { name: string }[];
  urls: Record<string, string>;
  plan?: { branch?: { services: PlannedService[] } | null } | null;
  expiresAt: string | null;
  error?: { message: string } | null;
}

/** The image overrides as a user-layer overlay the create route merges over the blueprint. */
export function imageOverlay(blueprint: string, images: Record<string, string>): string {
  const services = Object.entries(images)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, image]) => `  - name: ${JSON.stringify(name)}\n    image: ${JSON.stringify(image)}`);
  return [
    'layer: user',
    `appliesTo: { blueprints: [${JSON.stringify(blueprint)}] }`,
    'description: images of the pull request head',
    'services:',
    ...services,
    '',
  ].join('\n');
}

/**
 * PullRequestEnvironments over today's MicroStax API (create + delete; there is no update in place
 * yet): a new head creates a new environment with an Idempotency-Key derived from repository + PR +
 * sha (a retry is the same environment), then deletes the one it replaces. Calls the API with a token
 * of a user who may act for the repositories' teams (an admin). When `env apply` lands, an
 * implementation over it replaces this class and the workflow is unchanged.
 */
export class ApiPullRequestEnvironments implements PullRequestEnvironments {
  constructor(private readonly options: { baseUrl: string; token: string; fetch?: typeof fetch }) {}

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, headers = {}) {
    const doFetch = this.options.fetch ?? fetch;
    const response = await doFetch(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.options.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as T };
  }

  private static failure(what: string, answer: { status: number; body: unknown }): EnvironmentsApiError {
    const message = (answer.body as { error?: { message?: string } } | undefined)?.error?.message;
    return new EnvironmentsApiError(
      answer.status,
      `${what}: HTTP ${answer.status}${message ? `: ${message}` : ''}`,
    );
  }

  async apply(spec: PullRequestEnvironmentSpec): Promise<{ environmentId: string }> {
    const key = `github-${createHash('sha256').update(`${spec.team}\n${spec.name}\n${spec.revision}`).digest('hex').slice(0, 40)}`;
    const answer = await this.call<EnvironmentBody>(
      'POST',
      '/v1/environments',
      {
        blueprint: { name: spec.blueprint },
        team: spec.team,
        ...(Object.keys(spec.images).length > 0
          ? {
              overlays: [
                { fileName: `${spec.name}-images.yaml`, source: imageOverlay(spec.blueprint, spec.images) },
              ],
            }
          : {}),
        context: spec.labels,
        ...(spec.branchOf ? { branchOf: spec.branchOf } : {}),
        ...(spec.ttl ? { ttl: spec.ttl } : {}),
      },
      { 'idempotency-key': key },
    );
    if (answer.status !== 200 && answer.status !== 201) {
      throw ApiPullRequestEnvironments.failure(`create ${spec.name} for team ${spec.team}`, answer);
    }
    const environmentId = answer.body.id;
    if (spec.replaces && spec.replaces !== environmentId) await this.delete(spec.replaces);
    return { environmentId };
  }

  async status(environmentId: string): Promise<EnvironmentSummary | null> {
    const answer = await this.call<EnvironmentBody>(
      'GET',
      `/v1/environments/${encodeURIComponent(environmentId)}`,
    );
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw ApiPullRequestEnvironments.failure(`read ${environmentId}`, answer);
    const env = answer.body;
    return {
      id: env.id,
      phase: env.phase,
      urls: env.urls,
      plan:
        env.plan?.branch?.services.map((s) => ({ name: s.name, action: s.action, reasons: s.reasons })) ??
        null,
      services: env.services.map((s) => s.name),
      expiresAt: env.expiresAt,
      error: env.error?.message ?? null,
    };
  }

  async delete(environmentId: string): Promise<void> {
    const answer = await this.call('DELETE', `/v1/environments/${encodeURIComponent(environmentId)}`);
    if (answer.status === 404 || answer.status === 202) return;
    throw ApiPullRequestEnvironments.failure(`delete ${environmentId}`, answer);
  }
}
