import type { ReactNode } from 'react';
import { signInUrl } from '../api/client';
import type { Loaded } from '../use-load';

/** A failed load: what happened, and what to do about it. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Could not load this.</strong> {message}
      </p>
      <p>
        Check that the API is running (<code>microstax api</code>) and try again.{' '}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </p>
    </div>
  );
}

/** Nothing to show: say why, and how to get something. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="notice">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

/** Shown when the API answers 401: the sign-in link comes back to this page afterwards. */
export function SignInNotice() {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>You are not signed in</strong>, or your session has ended.
      </p>
      <p>
        <a className="button primary" href={signInUrl()}>
          Sign in
        </a>
      </p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** A failed load, unless it failed for want of sign-in (the page says that once, at its top). */
export function LoadFailure({ loaded, onRetry }: { loaded: Loaded<unknown>; onRetry: () => void }) {
  if (loaded.state !== 'error' || loaded.status === 401) return null;
  return <ErrorState message={loaded.message} onRetry={onRetry} />;
}
