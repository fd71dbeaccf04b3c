import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { PRINCIPAL_CHANGES_CHANNEL, type TokenPrincipal } from '../../store/api-tokens.js';
import { ENVIRONMENT_CHANGES_CHANNEL, type EnvironmentRecord } from '../../store/environments.js';
import { SHARE_CHANGES_CHANNEL } from '../../store/shares.js';
import { ListeningCache } from '../listening-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** API token hash -> principal, trusted only while this instance listens for changes. */
    principalCache: ListeningCache<TokenPrincipal>;
    /** Environment id -> row, for status reads; trusted only while this instance listens for changes. */
    environmentCache: ListeningCache<EnvironmentRecord>;
    /** Share token hash -> the share it grants; trusted only while this instance listens for changes. */
    shareCache: ListeningCache<CachedShare>;
  }
}

/** What a share token grants, as the auth plugin needs it. */
export interface CachedShare {
  shareId: string;
  environmentId: string;
  teamId: string;
}

export interface ChangeListenerOptions {
  databaseUrl: string;
  /** How long a token's (API or share) principal may be served from memory; 0 turns those caches off. */
  principalTtlMs: number;
  /** How long an environment row may be served from memory; 0 turns that cache off. */
  environmentTtlMs: number;
  /** Called when any token (API or share) may have changed, and when listening starts or stops. */
  onTokenChange?: () => void;
}

/** Reconnect delays after the listening connection drops: quick at first, then every 30 s at most. */
const RECONNECT_MS = [250, 1_000, 5_000, 30_000];

/**
 * Keeps the API's in-process caches honest: one dedicated connection LISTENs for principal, share and
 * environment changes and drops what they name (a principal change drops the environment cache too: a
 * row carries its owner's name). While that connection is down every cache is off (every call goes to the
 * database) and a reconnect loop tries again; start-up never waits on it failing.
 */
async function changeListenerPlugin(app: FastifyInstance, opts: ChangeListenerOptions): Promise<void> {
  const principals = new ListeningCache<TokenPrincipal>({ ttlMs: opts.principalTtlMs });
  const environments = new ListeningCache<EnvironmentRecord>({ ttlMs: opts.environmentTtlMs });
  app.decorate('principalCache', principals);
  const shares = new ListeningCache<CachedShare>({ ttlMs: opts.principalTtlMs });
  app.decorate('environmentCache', environments);
  app.decorate('shareCache', shares);
  if (!principals.wanted && !environments.wanted) return;
  const setEnabled = (enabled: boolean) => {
    principals.setEnabled(enabled);
    environments.setEnabled(enabled);
    shares.setEnabled(enabled);
    opts.onTokenChange?.();
  };

  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let closing = false;

  const scheduleReconnect = () => {
    if (closing || timer) return;
    const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)]!;
    failures++;
    timer = setTimeout(() => {
      timer = undefined;
      void listen();
    }, delay);
  };

  const lost = (listening: pg.Client, error?: Error) => {
    if (client !== listening) return;
    client = undefined;
    setEnabled(false);
    listening.end().catch(() => {});
    if (closing) return;
    app.log.warn({ message: error?.message }, 'caches off: lost the change listener; reconnecting');
    scheduleReconnect();
  };

  const onNotification = (message: pg.Notification) => {
    if (message.channel === ENVIRONMENT_CHANGES_CHANNEL && message.payload) {
      environments.invalidate(message.payload);
    } else if (message.channel === SHARE_CHANGES_CHANNEL) {
      // Revokes are rare; the payload names no share (a token hash is not for notifications).
      shares.invalidateAll();
      opts.onTokenChange?.();
    } else {
      environments.invalidateAll();
      if (message.channel === PRINCIPAL_CHANGES_CHANNEL) {
        principals.invalidateAll();
        opts.onTokenChange?.();
      }
    }
  };

  async function listen(): Promise<void> {
    const listening = new pg.Client({
      connectionString: opts.databaseUrl,
      application_name: 'microstax-api-change-listener',
      connectionTimeoutMillis: 5_000,
    });
    client = listening;
    listening.on('error', (error) => lost(listening, error));
    listening.on('end', () => lost(listening));
    listening.on('notification', onNotification);
    try {
      await listening.connect();
      await listening.query(
        `LISTEN ${PRINCIPAL_CHANGES_CHANNEL}; LISTEN ${ENVIRONMENT_CHANGES_CHANNEL}; LISTEN ${SHARE_CHANGES_CHANNEL}`,
      );
    } catch (error) {
      lost(listening, error as Error);
      return;
    }
    if (closing || client !== listening) return;
    failures = 0;
    // Enabling starts from empty: anything changed before LISTEN took effect was never cached here.
    setEnabled(true);
  }

  await listen();
  app.addHook('onClose', async () => {
    closing = true;
    clearTimeout(timer);
    const listening = client;
    client = undefined;
    setEnabled(false);
    await listening?.end().catch(() => {});
  });
}

export default fp(changeListenerPlugin, { name: 'change-listener' });
