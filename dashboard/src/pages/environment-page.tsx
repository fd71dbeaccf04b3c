import { useEffect, useState } from 'react';
import { api, type Environment, errorMessage } from '../api/client';
import { followEnvironment } from '../api/stream';
import { DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { PhaseBadge } from '../components/phase-badge';
import { branchPlanOf, PlanGraph } from '../components/plan-graph';
import { ErrorState, Loading } from '../components/states';
import { useDashboardConfig } from '../dashboard-config';
import { age, expiry, IN_FLIGHT_PHASES } from '../format';
import { BASE, blueprintHref, environmentBlueprintHref, environmentHref } from '../router';
import { ApiFailure, useLoad } from '../use-load';
import { DiffsSection } from './diff-section';
import { EnvironmentActions } from './environment-actions';
import { ActivitySection, SharesSection, SnapshotsSection } from './environment-sections';
import { PodsSections } from './pods-section';

async function loadEnvironment(id: string): Promise<Environment> {
  const { data, error, response } = await api.GET('/v1/environments/{id}', { params: { path: { id } } });
  if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
  return data;
}

/** One environment: status per service, pods and init steps, plan graph, lineage, shares, snapshots and the actions on it. */
export function EnvironmentPage({ id }: { id: string }) {
  const [loaded, reload, update] = useLoad(() => loadEnvironment(id), [id]);
  const phase = loaded.state === 'ready' ? loaded.data.phase : undefined;
  const inFlight = phase !== undefined && IN_FLIGHT_PHASES.has(phase);

  // Follow it live while it is on its way somewhere; a steady environment needs no open stream.
  useEffect(() => {
    if (!inFlight) return;
    const abort = new AbortController();
    void followEnvironment({
      id,
      signal: abort.signal,
      onStatus: (next) => update((env) => ({ ...env, ...next })),
      onStop: () => reload(),
    });
    return () => abort.abort();
  }, [id, inFlight, update, reload]);

  useEffect(() => {
    const name = loaded.state === 'ready' ? (loaded.data.name ?? loaded.data.id) : id;
    document.title = `${name} · MicroStax`;
  }, [loaded, id]);

  if (loaded.state === 'loading') return <Loading what={`environment ${id}`} />;
  if (loaded.state === 'error') {
    if (loaded.status === 401) return null;
    if (loaded.status === 404)
      return (
        <section className="notice notice-error" role="alert">
          <h1>No environment {id}</h1>
          <p>
            It does not exist, has been deleted, or belongs to another team.{' '}
            <Link href={`${BASE}/`}>Back to your environments</Link>.
          </p>
        </section>
      );
    return <ErrorState message={loaded.message} onRetry={reload} />;
  }
  const env = loaded.data;
  return (
    <article aria-labelledby="env-title" data-environment={env.id} data-phase={env.phase}>
      <p className="crumbs">
        <Link href={`${BASE}/`}>Environments</Link> / {env.id}
      </p>
      <header className="env-header">
        <h1 id="env-title">{env.name ?? env.id}</h1>
        <span aria-live="polite" data-testid="phase">
          <PhaseBadge phase={env.phase} />
        </span>
      </header>
      {env.error && (
        <div className="notice notice-error" role="alert">
          <strong>{env.error.type}</strong>: {env.error.message}
        </div>
      )}
      <Summary env={env} />
      <EnvironmentActions env={env} onChanged={reload} />
      <ServicesSection env={env} />
      <PodsSections env={env} />
      <PlanSection env={env} />
      <LineageSection env={env} />
      <DiffsSection env={env} />
      <SharesSection env={env} />
      <SnapshotsSection env={env} />
      <ActivitySection env={env} />
    </article>
  );
}

function Summary({ env }: { env: Environment }) {
  const config = useDashboardConfig();
  const workflowUrl =
    config?.temporalUiUrl && env.workflowId
      ? `${config.temporalUiUrl}/namespaces/${encodeURIComponent(config.temporalNamespace ?? 'microstax')}/workflows/${encodeURIComponent(env.workflowId)}`
      : null;
  return (
    <dl className="summary">
      <div>
        <dt>Id</dt>
        <dd>
          <code>{env.id}</code>
        </dd>
      </div>
      <div>
        <dt>Team</dt>
        <dd>{env.team}</dd>
      </div>
      <div>
        <dt>Owner</dt>
        <dd>{env.owner}</dd>
      </div>
      <div>
        <dt>Blueprint</dt>
        <dd>
          {env.blueprint && (
            <>
              <Link href={blueprintHref(env.blueprint.name, env.blueprint.version)}>
                {env.blueprint.name} v{env.blueprint.version}
              </Link>{' '}
              <Link href={environmentBlueprintHref(env.blueprint.name, env.id)}>
                (as it runs here, with its layers)
              </Link>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Age</dt>
        <dd>{age(env.createdAt)}</dd>
      </div>
      <div>
        <dt>Expires</dt>
        <dd>{expiry(env.expiresAt)}</dd>
      </div>
      {typeof env.costPerHour === 'number' && (
        <div>
          <dt>Cost per hour</dt>
          <dd>{env.costPerHour.toFixed(3)}</dd>
        </div>
      )}
      {Object.keys(env.labels ?? {}).length > 0 && (
        <div>
          <dt>Labels</dt>
          <dd>
            {Object.entries(env.labels ?? {}).map(([k, v]) => (
              <span key={k} className="label">
                {k}={v}
              </span>
            ))}
          </dd>
        </div>
      )}
      <div>
        <dt>Workflow</dt>
        <dd>
          {workflowUrl ? (
            <a href={workflowUrl} target="_blank" rel="noreferrer">
              {env.workflowId} in the Temporal UI
            </a>
          ) : (
            <code>{env.workflowId ?? '—'}</code>
          )}
        </dd>
      </div>
    </dl>
  );
}

function ServicesSection({ env }: { env: Environment }) {
  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">Services</h2>
      {env.services.length === 0 ? (
        <p className="muted">No service reported yet: they appear as the environment is planned.</p>
      ) : (
        <DataTable testId="services" columns={['Service', 'State', 'Pods', 'Reason', 'URL']}>
          {env.services.map((service) => {
            const url = env.urls[service.name];
            return (
              <tr key={service.name} data-service={service.name} data-state={service.state}>
                <th scope="row">{service.name}</th>
                <td>
                  <PhaseBadge phase={service.state} />
                  {service.action && <span className="muted small"> {service.action}</span>}
                </td>
                <td>
                  {service.replicas !== undefined ? `${service.readyReplicas ?? 0}/${service.replicas}` : '—'}
                </td>
                <td>{service.message ?? ''}</td>
                <td>
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer">
                      Open {service.name}
                    </a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}

function PlanSection({ env }: { env: Environment }) {
  const plan = branchPlanOf(env.plan);
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Plan</h2>
      {plan && env.parent ? (
        <PlanGraph plan={plan} environmentId={env.id} parent={env.parent} />
      ) : (
        <p className="muted">Not a branch: every service of the blueprint runs in this environment.</p>
      )}
    </section>
  );
}

function LineageSection({ env }: { env: Environment }) {
  const [branches, setBranches] = useState<Environment[] | null>(null);
  useEffect(() => {
    let current = true;
    void api.GET('/v1/environments', { params: { query: { limit: 200 } } }).then(({ data }) => {
      if (current && data) setBranches(data.items.filter((item) => item.parent === env.id));
    });
    return () => {
      current = false;
    };
  }, [env.id]);
  return (
    <section aria-labelledby="lineage-title">
      <h2 id="lineage-title">Lineage</h2>
      <ol className="lineage" data-testid="lineage">
        {env.baseline && env.baseline !== env.parent && (
          <li>
            baseline <Link href={environmentHref(env.baseline)}>{env.baseline}</Link>
          </li>
        )}
        {env.parent && (
          <li>
            parent <Link href={environmentHref(env.parent)}>{env.parent}</Link>
          </li>
        )}
        <li aria-current="page">
          <strong>{env.id}</strong> (this environment)
        </li>
        {branches?.map((branch) => (
          <li key={branch.id}>
            branch <Link href={environmentHref(branch.id)}>{branch.name ?? branch.id}</Link>{' '}
            <PhaseBadge phase={branch.phase} />
          </li>
        ))}
      </ol>
      {branches && branches.length === 0 && !env.parent && (
        <p className="muted">No branches of this environment.</p>
      )}
    </section>
  );
}
