import { useState } from 'react';
import { api, type DiffRun, type DiffRunSummary, type Environment, errorMessage } from '../api/client';
import { ErrorState, LoadFailure } from '../components/states';
import { ApiFailure, useLoad } from '../use-load';

/** A value as the report shows it: JSON, cut; absent when the side has no such field. */
function shown(value: unknown): string {
  const text = value === null || value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function counts(run: DiffRunSummary): string {
  if (!run.counts) return run.state === 'running' ? 'running' : (run.message ?? run.state);
  const c = run.counts;
  return `${c.compared} compared, ${c.differing} differing, ${c.skipped} not sent`;
}

/** A branch's traffic diff runs (kept after their workflows), newest first; one opens as its report. */
export function DiffsSection({ env }: { env: Environment }) {
  return env.parent ? <DiffRuns env={env} parent={env.parent} /> : null;
}

function DiffRuns({ env, parent }: { env: Environment; parent: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/diffs', {
      params: { path: { id: env.id }, query: { limit: 20 } },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.runs;
  }, [env.id]);
  return (
    <section aria-labelledby="diffs-title">
      <h2 id="diffs-title">Traffic diffs</h2>
      <p className="muted small">
        How this branch answers differently from {parent}: <code>microstax env diff {env.id}</code>.
      </p>
      <LoadFailure loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' &&
        (loaded.data.length === 0 ? (
          <p className="muted">No diff runs yet.</p>
        ) : (
          <ul className="plain" data-testid="diff-runs">
            {loaded.data.map((run) => (
              <li key={run.runId} data-run={run.runId}>
                <button
                  type="button"
                  aria-expanded={open === run.runId}
                  onClick={() => setOpen(open === run.runId ? null : run.runId)}
                >
                  {run.verdict ?? run.state}
                </button>{' '}
                {run.startedAt && new Date(run.startedAt).toLocaleString()} · {counts(run)}
                <span className="muted small"> against {run.baseline}</span>
                {open === run.runId && <DiffReportView env={env} runId={run.runId} />}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** One run's report: per endpoint counts, each difference with both values, noise ignored, requests not sent. */
function DiffReportView({ env, runId }: { env: Environment; runId: string }) {
  const [loaded, reload] = useLoad(async (): Promise<DiffRun> => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/diffs/{runId}', {
      params: { path: { id: env.id, runId } },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data;
  }, [env.id, runId]);
  if (loaded.state === 'loading') return <p className="muted">Loading the report…</p>;
  if (loaded.state === 'error') return <ErrorState message={loaded.message} onRetry={reload} />;
  const report = loaded.data.report;
  if (!report) return <p className="muted">{loaded.data.message ?? `The run is ${loaded.data.state}.`}</p>;
  return (
    <div data-testid="diff-report">
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Compared</th>
              <th scope="col">Equal</th>
              <th scope="col">Differing</th>
              <th scope="col">Failed</th>
              <th scope="col">Writes to branch</th>
            </tr>
          </thead>
          <tbody>
            {report.endpoints.map((e) => (
              <tr key={e.template}>
                <th scope="row">
                  <code>{e.template}</code>
                </th>
                <td>{e.compared}</td>
                <td>{e.equal}</td>
                <td>{e.differing}</td>
                <td>{e.failed}</td>
                <td>{e.writesToBranch ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.endpoints
        .filter((e) => e.differences.length > 0 || e.failures.length > 0)
        .map((e) => (
          <div key={e.template}>
            <h3>
              <code>{e.template}</code>
            </h3>
            <ul className="plain">
              {e.failures.map((reason) => (
                <li key={reason} className="error-text">
                  {reason}
                </li>
              ))}
              {e.differences.map((d) => (
                <li key={d.path}>
                  <code>{d.path}</code> baseline <code>{shown(d.baseline)}</code> branch{' '}
                  <code>{shown(d.branch)}</code>{' '}
                  <span className="muted small">
                    ({d.requests} request{d.requests === 1 ? '' : 's'})
                  </span>
                </li>
              ))}
            </ul>
            {e.noiseIgnored.length > 0 && (
              <p className="muted small">Noise ignored: {e.noiseIgnored.join(', ')}</p>
            )}
          </div>
        ))}
      {(report.skippedRequests ?? []).length > 0 && (
        <>
          <h3>Not sent</h3>
          <ul className="plain">
            {report.skippedRequests?.map((s) => (
              <li key={`${s.template} ${s.reason}`}>
                <code>{s.template}</code> ×{s.requests}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
