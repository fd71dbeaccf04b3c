import { type FormEvent, useState } from 'react';
import { api, type CreatedShare, type Environment, errorMessage } from '../api/client';
import { DataTable } from '../components/data-table';
import { LoadFailure } from '../components/states';
import { ApiFailure, useLoad } from '../use-load';

/** The link a share holder opens: the first service URL with the share token (the gateway swaps it for a cookie). */
function shareLink(env: Environment, token: string): string {
  const first = Object.values(env.urls)[0];
  if (!first) return token;
  const url = new URL(first);
  url.searchParams.set('microstax_share', token);
  return url.toString();
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Shares: create one (its link shown once, with a copy button), list them, revoke. */
export function SharesSection({ env }: { env: Environment }) {
  const path = { params: { path: { id: env.id } } };
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/shares', path);
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [env.id]);
  const [note, setNote] = useState('');
  const [ttl, setTtl] = useState('24h');
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const { data, error, response } = await api.POST('/v1/environments/{id}/shares', {
      ...path,
      body: { note, ttl },
    });
    if (!data) return setMessage({ ok: false, text: errorMessage(error, response) });
    setCreated(data);
    setNote('');
    reload();
  };
  const revoke = async (shareId: string) => {
    setMessage(null);
    const { error, response } = await api.DELETE('/v1/environments/{id}/shares/{shareId}', {
      params: { path: { id: env.id, shareId } },
    });
    if (!response.ok) return setMessage({ ok: false, text: errorMessage(error, response) });
    if (created?.id === shareId) setCreated(null);
    setMessage({ ok: true, text: `Share ${shareId} revoked: its link no longer works.` });
    reload();
  };

  return (
    <section aria-labelledby="shares-title">
      <h2 id="shares-title">Shares</h2>
      <p className="muted">
        A share lets someone outside your team open this environment's URLs, read-only, until it expires or
        you revoke it.
      </p>
      <form className="inline-form" onSubmit={create} aria-label="Create a share">
        <label>
          For whom
          <input
            value={note}
            maxLength={200}
            placeholder="design review"
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <label>
          Lasts
          <select value={ttl} onChange={(event) => setTtl(event.target.value)}>
            <option value="1h">1 hour</option>
            <option value="24h">1 day</option>
            <option value="7d">7 days</option>
          </select>
        </label>
        <button type="submit">Create share</button>
      </form>
      {created && (
        <div className="notice" data-testid="created-share">
          <p>
            <strong>Share {created.id} created.</strong> Copy its link now: it is shown only once.
          </p>
          <label className="share-link">
            Link
            <input
              readOnly
              value={shareLink(env, created.token)}
              onFocus={(event) => event.target.select()}
            />
          </label>
          <button
            type="button"
            onClick={async () =>
              setMessage(
                (await copy(shareLink(env, created.token)))
                  ? { ok: true, text: 'Link copied.' }
                  : { ok: false, text: 'Copying was refused by the browser: select the link and copy it.' },
              )
            }
          >
            Copy link
          </button>
        </div>
      )}
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <LoadFailure loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' && loaded.data.length > 0 && (
        <DataTable testId="shares" columns={['Share', 'For', 'State', 'Expires']} actions>
          {loaded.data.map((share) => (
            <tr key={share.id} data-share={share.id} data-state={share.state}>
              <th scope="row">
                <code>{share.id}</code>
              </th>
              <td>{share.note}</td>
              <td>{share.state}</td>
              <td>{new Date(share.expiresAt).toLocaleString()}</td>
              <td>
                {share.state === 'active' && (
                  <button
                    type="button"
                    onClick={() => revoke(share.id)}
                    aria-label={`Revoke share ${share.id}`}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Snapshots of the data services: take one, see what each captured. */
export function SnapshotsSection({ env }: { env: Environment }) {
  const path = { params: { path: { id: env.id } } };
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/snapshots', path);
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [env.id]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const take = async () => {
    setMessage(null);
    const { data, error, response } = await api.POST('/v1/environments/{id}/snapshots', {
      ...path,
      body: {},
    });
    if (!data) return setMessage({ ok: false, text: errorMessage(error, response) });
    setMessage({ ok: true, text: `Snapshot ${data.name} started.` });
    reload();
  };
  return (
    <section aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots</h2>
      <button type="button" onClick={take} disabled={env.phase !== 'ready'}>
        Take a snapshot
      </button>
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <LoadFailure loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' &&
        (loaded.data.length === 0 ? (
          <p className="muted">No snapshots yet.</p>
        ) : (
          <ul className="plain">
            {loaded.data.map((snapshot) => (
              <li key={snapshot.id}>
                <code>{snapshot.name}</code> {snapshot.phase} ·{' '}
                {new Date(snapshot.createdAt).toLocaleString()}
                {snapshot.details.artifacts?.map((artifact) => (
                  <span key={artifact.service} className="muted small">
                    {' '}
                    {artifact.service}: {artifact.engine}, {Math.ceil(artifact.bytes / 1024)} KiB
                  </span>
                ))}
                {snapshot.details.error && <span className="error-text"> {snapshot.details.error}</span>}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** An audit event's details in words: a phase change as "from -> to", the rest as key: value. */
function describeDetails(details: Record<string, unknown>): string {
  if (typeof details.from === 'string' && typeof details.to === 'string')
    return `${details.from} → ${details.to}`;
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The audit log, newest last: who did what (seed and init results included). */
export function ActivitySection({ env }: { env: Environment }) {
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/environments/{id}/events', {
      params: { path: { id: env.id }, query: { limit: 100 } },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [env.id, env.phase]);
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <LoadFailure loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' && (
        <ol className="activity">
          {loaded.data.slice(-20).map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleTimeString()}</time>{' '}
              <strong>{event.actor}</strong> {event.action}
              {Object.keys(event.details).length > 0 && (
                <span className="muted small"> {describeDetails(event.details)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
