import { useState } from 'react';
import { api, type Environment, errorMessage } from '../api/client';
import { ConfirmDialog } from '../components/confirm-dialog';

type Outcome = { ok: boolean; message: string } | null;

/** Sleep/wake, extend and delete (with confirmation, and the cascade it would take). */
export function EnvironmentActions({ env, onChanged }: { env: Environment; onChanged: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [extendBy, setExtendBy] = useState('4h');
  const [deleting, setDeleting] = useState<{ open: boolean; branches?: string[] }>({ open: false });
  const gone = env.phase === 'deleted' || env.phase === 'tearing-down' || env.phase === 'failed';
  const path = { params: { path: { id: env.id } } };

  const run = async (
    name: string,
    call: () => Promise<{ error?: unknown; response: Response }>,
    done: string,
  ) => {
    setBusy(name);
    setOutcome(null);
    try {
      const { error, response } = await call();
      if (response.ok) {
        setOutcome({ ok: true, message: done });
        onChanged();
      } else setOutcome({ ok: false, message: errorMessage(error, response) });
      return { error, response };
    } finally {
      setBusy(null);
    }
  };

  const remove = async (cascade: boolean) => {
    const { error, response } = await run(
      'delete',
      () =>
        api.DELETE('/v1/environments/{id}', {
          ...path,
          params: { ...path.params, query: { cascade: cascade ? 'true' : 'false' } },
        }),
      cascade ? 'Deleting it and its branches.' : 'Deleting it.',
    );
    if (response.status === 409) {
      const branches = (error as { error?: { details?: { branches?: string[] } } }).error?.details?.branches;
      if (branches?.length) {
        setOutcome(null);
        setDeleting({ open: true, branches });
        return;
      }
    }
    setDeleting({ open: false });
  };

  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title" className="visually-hidden">
        Actions
      </h2>
      <div className="action-row">
        {env.phase === 'sleeping' ? (
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => run('wake', () => api.POST('/v1/environments/{id}/wake', path), 'Waking it up.')}
          >
            Wake
          </button>
        ) : (
          <button
            type="button"
            disabled={busy !== null || env.phase !== 'ready'}
            onClick={() =>
              run('sleep', () => api.POST('/v1/environments/{id}/sleep', path), 'Putting it to sleep.')
            }
          >
            Sleep
          </button>
        )}
        <span className="inline-form">
          <label>
            Extend by{' '}
            <select value={extendBy} onChange={(event) => setExtendBy(event.target.value)}>
              <option value="1h">1 hour</option>
              <option value="4h">4 hours</option>
              <option value="1d">1 day</option>
              <option value="7d">7 days</option>
            </select>
          </label>
          <button
            type="button"
            disabled={busy !== null || gone}
            onClick={() =>
              run(
                'extend',
                () => api.POST('/v1/environments/{id}/extend', { ...path, body: { by: extendBy } }),
                `Extended by ${extendBy}.`,
              )
            }
          >
            Extend
          </button>
        </span>
        <button
          type="button"
          className="danger"
          disabled={busy !== null || env.phase === 'deleted'}
          onClick={() => setDeleting({ open: true })}
        >
          Delete…
        </button>
      </div>
      {outcome && (
        <p className={outcome.ok ? 'ok-text' : 'error-text'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      )}
      <ConfirmDialog
        open={deleting.open}
        title={`Delete ${env.name ?? env.id}?`}
        confirmLabel={deleting.branches ? `Delete it and ${deleting.branches.length} branches` : 'Delete'}
        busy={busy === 'delete'}
        onCancel={() => setDeleting({ open: false })}
        onConfirm={() => void remove(Boolean(deleting.branches))}
      >
        {deleting.branches ? (
          <>
            <p>These branches reuse its services and go with it, deepest first:</p>
            <ul data-testid="cascade">
              {deleting.branches.map((id) => (
                <li key={id}>
                  <code>{id}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Its namespace, data and URLs go. Snapshots stay until you delete them. This cannot be undone.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
