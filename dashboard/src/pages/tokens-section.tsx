import { type FormEvent, useState } from 'react';
import { api, type CreatedToken, errorMessage } from '../api/client';
import { DataTable } from '../components/data-table';
import { LoadFailure, Loading } from '../components/states';
import { ApiFailure, useLoad } from '../use-load';

/**
 * One user's API tokens: list, create (the secret shown this once) and revoke. `user` is the caller
 * (undefined) or, for admins and team-admins, a user they manage; the API decides who may.
 */
export function TokensSection({ user, self }: { user: string | undefined; self: string }) {
  const whose = user ?? self;
  const [loaded, reload] = useLoad(async () => {
    const { data, error, response } = await api.GET('/v1/tokens', {
      params: { query: user ? { user } : {} },
    });
    if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
    return data.items;
  }, [user]);
  const [description, setDescription] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const { data, error, response } = await api.POST('/v1/tokens', {
      body: {
        description,
        ...(days ? { expiresInDays: Number(days) } : {}),
        ...(user ? { user } : {}),
      },
    });
    if (!data) return setMessage({ ok: false, text: errorMessage(error, response) });
    setCreated(data);
    setDescription('');
    reload();
  };
  const revoke = async (id: string, prefix: string) => {
    setMessage(null);
    const { error, response } = await api.DELETE('/v1/tokens/{id}', { params: { path: { id } } });
    if (!response.ok) return setMessage({ ok: false, text: errorMessage(error, response) });
    if (created?.id === id) setCreated(null);
    setMessage({ ok: true, text: `Token ${prefix}… revoked: it no longer works.` });
    reload();
  };

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens of {whose}</h2>
      <p className="muted">
        A token lets a script or CI job call the API as {whose}. Give each use its own token, so you can
        revoke one without breaking the others.
      </p>
      <form className="inline-form" onSubmit={create} aria-label="Create a token">
        <label>
          What it is for
          <input
            value={description}
            maxLength={200}
            placeholder="CI pipeline"
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        <label>
          Expires after
          <select value={days} onChange={(event) => setDays(event.target.value)}>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
            <option value="366">1 year</option>
            <option value="">never</option>
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      {created && (
        <div className="notice" data-testid="created-token">
          <p>
            <strong>Token {created.prefix}… created.</strong> Copy it now: it is shown only this once.
          </p>
          <label className="share-link">
            Token
            <input readOnly value={created.token} onFocus={(event) => event.target.select()} />
          </label>
        </div>
      )}
      {message && (
        <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {loaded.state === 'loading' && <Loading what="tokens" />}
      <LoadFailure loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' && loaded.data.length === 0 && (
        <p className="muted">{whose} has no tokens.</p>
      )}
      {loaded.state === 'ready' && loaded.data.length > 0 && (
        <DataTable testId="tokens" columns={['Token', 'For', 'State', 'Created', 'Expires']} actions>
          {loaded.data.map((token) => (
            <tr key={token.id} data-token={token.id} data-state={token.state}>
              <th scope="row">
                <code>{token.prefix}…</code>
              </th>
              <td>{token.description}</td>
              <td>{token.state}</td>
              <td>{new Date(token.createdAt).toLocaleDateString()}</td>
              <td>{token.expiresAt ? new Date(token.expiresAt).toLocaleDateString() : 'never'}</td>
              <td>
                {token.state === 'active' && (
                  <button
                    type="button"
                    onClick={() => revoke(token.id, token.prefix)}
                    aria-label={`Revoke token ${token.prefix}`}
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
