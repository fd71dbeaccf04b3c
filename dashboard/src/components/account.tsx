import { useState } from 'react';
import { api, errorMessage, type Whoami } from '../api/client';
import { useLoad } from '../use-load';

/**
 * Who is signed in, in the header, and the Sign out button (a browser session only: an API token is
 * revoked on the tokens page instead). Nothing is shown while signed out: the page offers sign-in.
 */
export function Account({ whoami }: { whoami: Whoami | undefined }) {
  const [error, setError] = useState<string>();
  if (!whoami) return null;
  const signOut = async () => {
    setError(undefined);
    const { error: failure, response } = await api.POST('/v1/auth/logout');
    if (!response.ok) return setError(errorMessage(failure, response));
    // A fresh page: nothing of the signed-out user stays in memory.
    window.location.assign('/ui/');
  };
  return (
    <div className="account" data-testid="account">
      <span>
        {whoami.user.name} <span className="muted">({whoami.team})</span>
      </span>
      {whoami.credential.kind === 'session' && (
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      )}
      {error && (
        <span className="error-text" role="alert">
          Could not sign out: {error}
        </span>
      )}
    </div>
  );
}

/** The caller, loaded once per page load (undefined while loading or signed out). */
export function useWhoami(): Whoami | undefined {
  const [loaded] = useLoad(async () => {
    const { data } = await api.GET('/v1/whoami');
    return data;
  }, []);
  return loaded.state === 'ready' ? loaded.data : undefined;
}
