import { useEffect, useState } from 'react';

/** What the API tells the dashboard about its installation (GET /ui/config.json; nothing secret). */
export interface DashboardConfig {
  temporalUiUrl: string | null;
  temporalNamespace: string | null;
}

let loading: Promise<DashboardConfig | null> | null = null;

export function useDashboardConfig(): DashboardConfig | null {
  const [config, setConfig] = useState<DashboardConfig | null>(null);
  useEffect(() => {
    loading ??= fetch('/ui/config.json', { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<DashboardConfig>) : null))
      .catch(() => null);
    let current = true;
    void loading.then((value) => current && setConfig(value));
    return () => {
      current = false;
    };
  }, []);
  return config;
}
