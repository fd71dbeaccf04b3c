import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { PRINCIPAL_CHANGES_CHANNEL, type TokenPrincipal } from '../../store/api-tokens.js';
import { PrincipalCache } from '../principal-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Token hash -> principal, trusted only while this instance listens for principal changes. */
    principalCache: PrincipalCache<TokenPrincipal>;
  }
}

export interface PrincipalCachePluginOptions {
  databaseUrl: string;
  /** How long a principal may be served from memory; 0 turns the cache off. */
  ttlMs: number;
}

/** Reconnect delays after the listening connection drops: quick at first, then every 30 s at most. */
const RECONNECT_MS = [250, 1_000, 5_000, 30_000];

/**
 * Keeps the principal cache honest: one dedicated connection LISTENs on the principal-changes channel
 * and empties the cache on every notification. While that connection is down the cache is off (every
 * call goes to the database) and a reconnect loop tries again; start-up never waits on it failing.
 */
async function principalCachePlugin(app: FastifyInstance, opts: PrincipalCachePluginOptions): Promise<void> {
  const cache = new PrincipalCache<TokenPrincipal>({ ttlMs: opts.ttlMs });
  app.decorate('principalCache', cache);
  if (opts.ttlMs <= 0) return;

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
    cache.setEnabled(false);
    listening.end().catch(() => {});
    if (closing) return;
    app.log.warn({ message: error?.message }, 'principal cache off: lost the change listener; reconnecting');
    scheduleReconnect();
  };

  async function listen(): Promise<void> {
    const listening = new pg.Client({
      connectionString: opts.databaseUrl,
      application_name: 'microstax-api-principal-changes',
      connectionTimeoutMillis: 5_000,
    });
    client = listening;
    listening.on('error', (error) => lost(listening, error));
    listening.on('end', () => lost(listening));
    listening.on('notification', () => cache.invalidateAll());
    try {
      await listening.connect();
      await listening.query(`LISTEN ${PRINCIPAL_CHANGES_CHANNEL}`);
    } catch (error) {
      lost(listening, error as Error);
      return;
    }
    if (closing || client !== listening) return;
    failures = 0;
    // Enabling starts from empty: anything changed before LISTEN took effect was never cached here.
    cache.setEnabled(true);
  }

  await listen();
  app.addHook('onClose', async () => {
    closing = true;
    clearTimeout(timer);
    const listening = client;
    client = undefined;
    cache.setEnabled(false);
    await listening?.end().catch(() => {});
  });
}

export default fp(principalCachePlugin, { name: 'principal-cache' });
