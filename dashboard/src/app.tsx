import { useEffect, useState } from 'react';
import { needsSignIn, onSignInNeeded } from './api/client';
import { Account, useWhoami } from './components/account';
import { Link } from './components/link';
import { SignInNotice } from './components/states';
import { AdminPage } from './pages/admin-page';
import { BlueprintPage } from './pages/blueprint-page';
import { EnvironmentListPage } from './pages/environment-list';
import { EnvironmentPage } from './pages/environment-page';
import { ADMIN_HREF, BASE, useRoute } from './router';

export function App() {
  const route = useRoute();
  const [signIn, setSignIn] = useState(needsSignIn());
  const whoami = useWhoami();
  useEffect(() => onSignInNeeded(() => setSignIn(true)), []);
  useEffect(() => {
    if (route.page !== 'environment') document.title = 'MicroStax';
  }, [route]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href={`${BASE}/`} className="brand">
          MicroStax
        </Link>
        <nav aria-label="Main">
          <Link href={`${BASE}/`}>Environments</Link>
          <Link href={ADMIN_HREF}>Teams and tokens</Link>
          <a href="/docs">API docs</a>
        </nav>
        <Account whoami={whoami} />
      </header>
      <main id="main" tabIndex={-1}>
        {signIn && <SignInNotice />}
        {route.page === 'list' && <EnvironmentListPage query={route.query} />}
        {route.page === 'environment' && <EnvironmentPage key={route.id} id={route.id} />}
        {route.page === 'admin' && !signIn && <AdminPage whoami={whoami} />}
        {route.page === 'blueprint' && (
          <BlueprintPage name={route.name} version={route.version} environment={route.environment} />
        )}
        {route.page === 'not-found' && (
          <section className="notice">
            <h1>No such page</h1>
            <p>
              <Link href={`${BASE}/`}>Go to your environments</Link>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}
