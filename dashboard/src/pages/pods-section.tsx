import { useState } from 'react';
import { api, type Environment, errorMessage, type Pod } from '../api/client';
import { DataTable } from '../components/data-table';
import { PhaseBadge } from '../components/phase-badge';
import { LoadFailure, Loading } from '../components/states';
import { age } from '../format';
import { ApiFailure, useLoad } from '../use-load';

/** Lines of an init step's log the disclosure shows. */
const LOG_TAIL = 50;

/**
 * The environment's pods read from the cluster: each service's pods (phase, ready, restarts, node,
 * age), then each service's init steps with their result and log tail. Read again when the phase moves.
 */
export function PodsSections({ env }: { env: Environment }) {
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/pods', {
      params: { path: { id: env.id } },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [env.id, env.phase]);
  const pods = loaded.state === 'ready' ? loaded.data : [];
  const running = pods.filter((pod) => pod.role === 'service');
  const init = pods.filter((pod) => pod.role === 'init');
  return (
    <>
      <section aria-labelledby="pods-title">
        <h2 id="pods-title">Pods</h2>
        <p>
          <button type="button" onClick={reload}>
            Refresh pods
          </button>
        </p>
        {loaded.state === 'loading' && <Loading what="pods" />}
        <LoadFailure loaded={loaded} onRetry={reload} />
        {loaded.state === 'ready' &&
          (running.length === 0 ? (
            <p className="muted">
              No pod runs now
              {env.phase === 'sleeping' ? ': the environment is asleep (wake it to start them)' : ''}.
            </p>
          ) : (
            <DataTable
              testId="pods"
              columns={['Service', 'Pod', 'Phase', 'Ready', 'Restarts', 'Node', 'Age']}
            >
              {running.map((pod) => (
                <tr key={pod.name} data-pod={pod.name} data-service={pod.service}>
                  <th scope="row">{pod.service}</th>
                  <td>
                    <code>{pod.name}</code>
                  </td>
                  <td>{pod.phase}</td>
                  <td>{pod.ready ? 'yes' : 'no'}</td>
                  <td data-restarts={pod.restarts}>{pod.restarts}</td>
                  <td>{pod.node ?? <span className="muted">not scheduled</span>}</td>
                  <td>{age(pod.createdAt)}</td>
                </tr>
              ))}
            </DataTable>
          ))}
      </section>
      {init.length > 0 && <InitStepsSection env={env} pods={init} />}
    </>
  );
}

/** Per service with init steps: the newest run's result, and its log's last lines on request. */
function InitStepsSection({ env, pods }: { env: Environment; pods: Pod[] }) {
  // Pods come oldest first: the last one per service is its latest run (a retry after a failure).
  const latest = new Map(pods.map((pod) => [pod.service, pod]));
  return (
    <section aria-labelledby="init-title">
      <h2 id="init-title">Init steps</h2>
      <ul className="plain" data-testid="init-steps">
        {[...latest.values()].map((pod) => (
          <li key={pod.service} data-service={pod.service} data-result={pod.result}>
            <strong>{pod.service}</strong> <PhaseBadge phase={pod.result ?? 'running'} />{' '}
            <span className="muted small">
              {pod.name}, {age(pod.createdAt)} ago
            </span>
            <InitLog environmentId={env.id} service={pod.service} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A "Show log" disclosure: the log tail is read when it is opened, and again on each opening. */
function InitLog({ environmentId, service }: { environmentId: string; service: string }) {
  const [log, setLog] = useState<{ text: string; failed: boolean } | null>(null);
  const read = async () => {
    setLog(null);
    const { data, error, response } = await api.GET('/v1/environments/{id}/services/{service}/logs', {
      params: { path: { id: environmentId, service }, query: { init: 'true', tail: LOG_TAIL } },
      parseAs: 'text',
    });
    setLog(
      data !== undefined
        ? { text: data || '(the log is empty)', failed: false }
        : { text: errorMessage(tryJson(error), response), failed: true },
    );
  };
  return (
    <details onToggle={(event) => event.currentTarget.open && void read()}>
      <summary>Show log of {service}'s init steps</summary>
      {log === null ? (
        <Loading what="the log" />
      ) : log.failed ? (
        <p className="notice notice-error">{log.text}</p>
      ) : (
        <pre className="log" data-testid={`init-log-${service}`}>
          {log.text}
        </pre>
      )}
    </details>
  );
}

/** An error body read as text (parseAs: 'text') is the API's JSON error document. */
function tryJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
