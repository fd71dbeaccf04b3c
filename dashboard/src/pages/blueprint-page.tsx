import { api, errorMessage } from '../api/client';
import { Link } from '../components/link';
import { ErrorState, Loading } from '../components/states';
import { layerCounts, type Provenance, setBy } from '../provenance';
import { BASE, blueprintHref, environmentHref } from '../router';
import { ApiFailure, useLoad } from '../use-load';

/** A field of a resolved service, as text. */
function describe(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/**
 * A blueprint version as the API resolves it (overlays merged, secrets masked): its services and their
 * settings with the layer that set each (provenance: file and line), the dependency graph, and every
 * version. With `environment`, as that environment runs it: its overlays and policies' overlays merged.
 */
export function BlueprintPage(props: { name: string; version?: number; environment?: string }) {
  const { name, version, environment } = props;
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/blueprints/{name}', {
      params: { path: { name }, query: environment ? { environment } : version ? { version } : {} },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data;
  }, [name, version, environment]);
  if (loaded.state === 'loading') return <Loading what={`blueprint ${name}`} />;
  if (loaded.state === 'error')
    return loaded.status === 401 ? null : <ErrorState message={loaded.message} onRetry={reload} />;
  const blueprint = loaded.data;
  return (
    <article aria-labelledby="bp-title">
      <p className="crumbs">
        <Link href={`${BASE}/`}>Environments</Link> / blueprint {blueprint.name}
      </p>
      <h1 id="bp-title">
        {blueprint.name} <span className="muted">v{blueprint.version}</span>
      </h1>
      {environment && (
        <p>
          As environment <Link href={environmentHref(environment)}>{environment}</Link> runs it: this version
          with the overlays (policies' included) it was created with.
        </p>
      )}
      <dl className="summary">
        <div>
          <dt>File</dt>
          <dd>
            <code>{blueprint.fileName}</code>
          </dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{blueprint.team}</dd>
        </div>
        <div>
          <dt>Routing</dt>
          <dd>{blueprint.resolved.routing}</dd>
        </div>
        <div>
          <dt>Digest</dt>
          <dd>
            <code title={blueprint.digest}>{blueprint.digest.slice(0, 19)}…</code>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="bp-services">
        <h2 id="bp-services">Services (resolved: overlays merged, secrets masked)</h2>
        {blueprint.resolved.services.map((service) => (
          <details
            key={service.name}
            className="service-config"
            open={blueprint.resolved.services.length <= 4}
          >
            <summary>
              <strong>{service.name}</strong> <code>{service.image}</code>
              {(blueprint.graph[service.name] ?? []).length > 0 && (
                <span className="muted small"> needs {(blueprint.graph[service.name] ?? []).join(', ')}</span>
              )}
            </summary>
            <table data-testid={`config-${service.name}`}>
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Value</th>
                  <th scope="col">Set by</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(service)
                  .filter(([key]) => key !== 'name')
                  .map(([key, value]) => (
                    <tr key={key} data-setting={key}>
                      <th scope="row">{key}</th>
                      <td>
                        <code className="wrap">{describe(value)}</code>
                      </td>
                      <td className="small" data-testid="set-by">
                        {setBy(blueprint.provenance, `services.${service.name}.${key}`)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>
        ))}
      </section>
      <Layers provenance={blueprint.provenance} />
      <section aria-labelledby="bp-versions">
        <h2 id="bp-versions">Versions</h2>
        <ul className="plain">
          {blueprint.versions.map((v) => (
            <li key={v.version}>
              {v.version === blueprint.version ? (
                <strong>v{v.version}</strong>
              ) : (
                <Link href={blueprintHref(blueprint.name, v.version)}>v{v.version}</Link>
              )}{' '}
              <span className="muted small">{new Date(v.createdAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** The layers (files) the values came from, in the order they first appear. */
function Layers({ provenance }: { provenance: Provenance }) {
  return (
    <section aria-labelledby="bp-layers">
      <h2 id="bp-layers">Layers</h2>
      <p className="muted small">
        The blueprint first, then overlays: the company's, the team's (their policies), the user's; a later
        layer wins. Each value's file and line is in the Set by column.
      </p>
      <ul className="plain" data-testid="layers">
        {layerCounts(provenance).map(([layer, count]) => (
          <li key={layer}>
            <code>{layer}</code> <span className="muted small">set {count} values</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
