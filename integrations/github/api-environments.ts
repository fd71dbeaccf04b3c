import type {
  DiffSummary,
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

interface DiffRunBody {
  runId: string;
  baseline?: string;
  state: string;
  report?: {
    verdict: DiffSummary['verdict'];
    compared: number;
    differing: number;
    skipped: number;
    endpoints: {
      template: string;
      compared: number;
      differing: number;
      differences: { path: string; requests: number }[];
    }[];
  };
}

/** How many differing paths the comment lists. */
const TOP_PATHS = 5;

/** A label value Kubernetes accepts: at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends. */
function labelValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9-_.]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/**
 * PullRequestEnvironments over the MicroStax API's `env apply` (`POST /v1/environments/apply`): every
 * head of a pull request applies the same named environment, so it is updated in place (only the
 * services whose image changed are re-applied; id and URLs stay). Applying the same revision again
 * changes nothing. An apply refused because another one still runs is a 409, which the activity
 * retries. Calls the API with a token of a user who may act for the repositories' teams (an admin).
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
    const answer = await this.call<{ environment: EnvironmentBody }>('POST', '/v1/environments/apply', {
      name: spec.name,
      blueprint: { name: spec.blueprint },
      team: spec.team,
      set: Object.entries(spec.images)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, image]) => `${service}.image=${image}`),
      labels: Object.fromEntries(Object.entries(spec.labels).map(([key, value]) => [key, labelValue(value)])),
      ...(spec.branchOf ? { branchOf: spec.branchOf } : {}),
      ...(spec.ttl ? { ttl: spec.ttl } : {}),
      ...(spec.idleAfter ? { idleAfter: spec.idleAfter, idle: 'sleep' } : {}),
    });
    if (answer.status !== 200 && answer.status !== 201) {
      throw ApiPullRequestEnvironments.failure(`apply ${spec.name} for team ${spec.team}`, answer);
    }
    return { environmentId: answer.body.environment.id };
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

  /** The newest completed run among the last few (GET .../diffs, then that run's report). */
  async latestDiff(environmentId: string): Promise<DiffSummary | null> {
    const base = `/v1/environments/${encodeURIComponent(environmentId)}/diffs`;
    const list = await this.call<{ runs: { runId: string; state: string }[] }>('GET', `${base}?limit=5`);
    if (list.status === 404) return null;
    if (list.status !== 200) throw ApiPullRequestEnvironments.failure(`list diffs of ${environmentId}`, list);
    const done = list.body.runs.find((r) => r.state === 'completed');
    if (!done) return null;
    const answer = await this.call<DiffRunBody>('GET', `${base}/${done.runId}`);
    if (answer.status !== 200 || !answer.body.report) {
      throw ApiPullRequestEnvironments.failure(`read diff ${done.runId}`, answer);
    }
    const report = answer.body.report;
    return {
      runId: answer.body.runId,
      baseline: answer.body.baseline ?? '',
      verdict: report.verdict,
      compared: report.compared,
      differing: report.differing,
      skipped: report.skipped,
      endpoints: report.endpoints.map((e) => ({
        template: e.template,
        compared: e.compared,
        differing: e.differing,
      })),
      topPaths: report.endpoints
        .flatMap((e) =>
          e.differences.map((d) => ({ template: e.template, path: d.path, requests: d.requests })),
        )
        .sort((a, b) => b.requests - a.requests)
        .slice(0, TOP_PATHS),
    };
  }

  async delete(environmentId: string): Promise<void> {
    const answer = await this.call('DELETE', `/v1/environments/${encodeURIComponent(environmentId)}`);
    if (answer.status === 404 || answer.status === 202) return;
    throw ApiPullRequestEnvironments.failure(`delete ${environmentId}`, answer);
  }

  async sleep(environmentId: string): Promise<boolean> {
    const answer = await this.call('POST', `/v1/environments/${encodeURIComponent(environmentId)}/sleep`);
    if (answer.status === 200 || answer.status === 202) return true;
    if (answer.status === 404 || answer.status === 409) return false;
    throw ApiPullRequestEnvironments.failure(`sleep ${environmentId}`, answer);
  }

  async wake(environmentId: string): Promise<boolean> {
    const answer = await this.call('POST', `/v1/environments/${encodeURIComponent(environmentId)}/wake`);
    if (answer.status === 202) return true;
    if (answer.status === 200 || answer.status === 404 || answer.status === 409) return false;
    throw ApiPullRequestEnvironments.failure(`wake ${environmentId}`, answer);
  }
}
