import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, type Environment, errorMessage, type Phase } from '../api/client';
import { followEnvironment } from '../api/stream';
import { DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { PhaseBadge } from '../components/phase-badge';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { age, expiry, IN_FLIGHT_PHASES } from '../format';
import { BASE, blueprintHref, environmentHref, navigate } from '../router';
import { ApiFailure, useLoad } from '../use-load';

const PHASES: Phase[] = [
  'pending',
  'planning',
  'applying',
  'waiting',
  'initializing',
  'publishing',
  'ready',
  'sleeping',
  'waking',
  'tearing-down',
  'deleted',
  'failed',
];

/** Environments followed live at once: the API allows a few open streams per token. */
const LIVE_STREAMS = 3;
/** How often the whole list is read again (environments created elsewhere appear). */
const REFRESH_MS = 15_000;
const PAGE = 200;
/** Pages read one after another without asking, so search covers them; past this, "Load more". */
const AUTO_LOAD = 1_000;
/** The performance mark set once the first answer is on screen (rows, an empty state or an error). */
const LIST_PAINTED = 'msx:environment-list-painted';

interface Filters {
  phase: string;
  owner: string;
  labelSelector: string;
  search: string;
}

function filtersOf(query: URLSearchParams): Filters {
  return {
    phase: query.get('phase') ?? '',
    owner: query.get('owner') ?? '',
    labelSelector: query.get('labels') ?? '',
    search: query.get('q') ?? '',
  };
}

function hrefOf(filters: Filters): string {
  const query = new URLSearchParams();
  if (filters.phase) query.set('phase', filters.phase);
  if (filters.owner) query.set('owner', filters.owner);
  if (filters.labelSelector) query.set('labels', filters.labelSelector);
  if (filters.search) query.set('q', filters.search);
  const text = query.toString();
  return `${BASE}/${text ? `?${text}` : ''}`;
}

async function loadEnvironments(filters: Filters, before?: string) {
  const { data, error, response } = await api.GET('/v1/environments', {
    params: {
      query: {
        limit: PAGE,
        ...(filters.phase ? { phase: filters.phase as Phase } : {}),
        ...(filters.owner ? { owner: filters.owner } : {}),
        ...(filters.labelSelector ? { labelSelector: filters.labelSelector } : {}),
        ...(before ? { before } : {}),
      },
    },
  });
  if (!data) throw new ApiFailure(errorMessage(error, response), response.status);
  return data;
}

function matches(env: Environment, search: string): boolean {
  if (!search) return true;
  const text = [
    env.id,
    env.name,
    env.owner,
    env.team,
    env.blueprint?.name,
    ...Object.entries(env.labels ?? {}).flat(),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

/** Every environment the caller's team can see, newest first, with live phases and filters. */
export function EnvironmentListPage({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const key = hrefOf({ ...filters, search: '' });
  const [loaded, reload, update] = useLoad(() => loadEnvironments(filters), [key]);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filtersOf(query)), [query]);

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const items = loaded.state === 'ready' ? loaded.data.items : [];
  const live = items.filter((env) => IN_FLIGHT_PHASES.has(env.phase)).slice(0, LIVE_STREAMS);
  const liveKey = live.map((env) => env.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow exactly the environments in liveKey.
  useEffect(() => {
    if (loaded.state !== 'ready' || live.length === 0) return;
    const abort = new AbortController();
    for (const env of live) {
      void followEnvironment({
        id: env.id,
        signal: abort.signal,
        onStatus: (next) =>
          update((list) => ({
            ...list,
            items: list.items.map((item) => (item.id === next.id ? { ...item, ...next } : item)),
          })),
      });
    }
    return () => abort.abort();
  }, [liveKey]);

  const shown = useMemo(() => items.filter((env) => matches(env, filters.search)), [items, filters.search]);

  // The list's first meaningful paint, for `npm run bench -- dashboard`: the frame after the first load.
  const firstLoad = loaded.state !== 'loading';
  useEffect(() => {
    if (firstLoad && performance.getEntriesByName(LIST_PAINTED).length === 0)
      requestAnimationFrame(() => performance.mark(LIST_PAINTED));
  }, [firstLoad]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefOf(draft));
  };
  const loadMore = async () => {
    if (loaded.state !== 'ready' || !loaded.data.next) return;
    setMore({ busy: true });
    try {
      const page = await loadEnvironments(filters, loaded.data.next);
      update((list) => ({ items: [...list.items, ...page.items], next: page.next }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: (error as Error).message });
    }
  };
  const nextCursor = loaded.state === 'ready' ? loaded.data.next : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the next page once per cursor.
  useEffect(() => {
    if (nextCursor && items.length < AUTO_LOAD && !more.busy && !more.error) void loadMore();
  }, [nextCursor]);
  const filtered = Boolean(filters.phase || filters.owner || filters.labelSelector || filters.search);

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">Environments</h1>
      <form className="filters" onSubmit={apply} aria-label="Filter environments">
        <label>
          Search
          <input
            type="search"
            name="q"
            value={draft.search}
            placeholder="name, id, owner, label…"
            onChange={(event) => setDraft({ ...draft, search: event.target.value })}
          />
        </label>
        <label>
          Phase
          <select
            name="phase"
            value={draft.phase}
            onChange={(event) => setDraft({ ...draft, phase: event.target.value })}
          >
            <option value="">any</option>
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {phase}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <input
            name="owner"
            value={draft.owner}
            onChange={(event) => setDraft({ ...draft, owner: event.target.value })}
          />
        </label>
        <label>
          Labels
          <input
            name="labels"
            value={draft.labelSelector}
            placeholder="pr=42,!draft"
            onChange={(event) => setDraft({ ...draft, labelSelector: event.target.value })}
          />
        </label>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Apply filters
          </button>
          {filtered && (
            <button type="button" onClick={() => navigate(`${BASE}/`)}>
              Clear
            </button>
          )}
        </div>
      </form>

      {loaded.state === 'loading' && <Loading what="environments" />}
      {loaded.state === 'error' && loaded.status !== 401 && (
        <ErrorState
          message={
            loaded.status === 400 ? `${loaded.message}. Fix the filter and apply it again.` : loaded.message
          }
          onRetry={reload}
        />
      )}
      {loaded.state === 'ready' &&
        shown.length === 0 &&
        (filtered ? (
          <EmptyState title="No environment matches these filters.">
            <p>
              Loosen a filter, or <Link href={`${BASE}/`}>show every environment</Link>.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="Your team has no environments yet.">
            <p>
              Create one from a blueprint:{' '}
              <code>microstax env create blueprints/examples/checkout-dev/checkout-dev.yaml</code>, or run{' '}
              <code>npm run demo</code>. It shows up here as it starts.
            </p>
          </EmptyState>
        ))}
      {shown.length > 0 && (
        <DataTable
          testId="environment-list"
          columns={['Environment', 'Phase', 'Blueprint', 'Owner', 'Team', 'Labels', 'Age', 'Expires']}
          className="environments"
          caption="Environments, newest first"
        >
          {shown.map((env) => (
            <tr key={env.id} data-environment={env.id}>
              <th scope="row">
                <Link href={environmentHref(env.id)}>{env.name ?? env.id}</Link>
                {env.name && <span className="muted small"> {env.id}</span>}
                {env.parent && <span className="muted small"> branch of {env.parent}</span>}
              </th>
              <td data-label="Phase">
                <PhaseBadge phase={env.phase} />
              </td>
              <td data-label="Blueprint">
                {env.blueprint && (
                  <Link href={blueprintHref(env.blueprint.name, env.blueprint.version)}>
                    {env.blueprint.name} v{env.blueprint.version}
                  </Link>
                )}
              </td>
              <td data-label="Owner">{env.owner}</td>
              <td data-label="Team">{env.team}</td>
              <td data-label="Labels">
                {Object.entries(env.labels ?? {}).map(([k, v]) => (
                  <span key={k} className="label">
                    {k}={v}
                  </span>
                ))}
              </td>
              <td data-label="Age">{age(env.createdAt)}</td>
              <td data-label="Expires">{expiry(env.expiresAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {loaded.state === 'ready' && loaded.data.next && (
        <p>
          <button type="button" onClick={loadMore} disabled={more.busy}>
            {more.busy ? 'Loading…' : 'Load more'}
          </button>
          {more.error && <span className="error-text"> {more.error}</span>}
        </p>
      )}
    </section>
  );
}
