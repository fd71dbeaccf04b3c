import { readFile } from 'node:fs/promises';
import type { TLSConfig } from '@temporalio/client';
import { z } from 'zod';
import { readEnvSettings } from '../settings/env-settings.js';

/** The Temporal namespace MicroStax's workflows run in when TEMPORAL_NAMESPACE is not set. */
export const TEMPORAL_NAMESPACE = 'microstax';

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):\d{1,5}$/;

/** Where and how to reach Temporal: one schema for the API, the worker, the gateway and the CLI. */
export const TemporalConfigSchema = z
  .strictObject({
    address: z
      .string()
      .regex(HOST_PORT, 'must be host:port, e.g. temporal-frontend.temporal.svc:7233')
      .describe('host:port of the Temporal frontend (TEMPORAL_ADDRESS)'),
    namespace: z
      .string()
      .min(1)
      .default(TEMPORAL_NAMESPACE)
      .describe('Temporal namespace (TEMPORAL_NAMESPACE)'),
    tlsCertFile: z.string().optional().describe('mTLS client certificate, PEM (TEMPORAL_TLS_CERT_FILE)'),
    tlsKeyFile: z.string().optional().describe('mTLS client key, PEM (TEMPORAL_TLS_KEY_FILE)'),
    tlsCaFile: z
      .string()
      .optional()
      .describe("CA that signed the server's certificate, PEM (TEMPORAL_TLS_CA_FILE); default the system's"),
    tlsServerName: z
      .string()
      .optional()
      .describe("Name to check the server's certificate against (TEMPORAL_TLS_SERVER_NAME)"),
    apiKey: z
      .string()
      .optional()
      .describe('API key, e.g. for Temporal Cloud; implies TLS (TEMPORAL_API_KEY)'),
  })
  .refine((c) => Boolean(c.tlsCertFile) === Boolean(c.tlsKeyFile), {
    path: ['tlsKeyFile'],
    message: 'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together',
  });
export type TemporalConfig = z.infer<typeof TemporalConfigSchema>;

export const TEMPORAL_CONFIG_ENV: { [K in keyof TemporalConfig]-?: string } = {
  address: 'TEMPORAL_ADDRESS',
  namespace: 'TEMPORAL_NAMESPACE',
  tlsCertFile: 'TEMPORAL_TLS_CERT_FILE',
  tlsKeyFile: 'TEMPORAL_TLS_KEY_FILE',
  tlsCaFile: 'TEMPORAL_TLS_CA_FILE',
  tlsServerName: 'TEMPORAL_TLS_SERVER_NAME',
  apiKey: 'TEMPORAL_API_KEY',
};

/** Reads the Temporal settings; throws a SettingsError naming each variable that is missing or wrong. */
export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  return readEnvSettings({
    component: 'Temporal',
    schema: TemporalConfigSchema,
    variables: TEMPORAL_CONFIG_ENV,
    env,
  });
}

/**
 * The connection options of both the client's Connection and the worker's NativeConnection: the
 * address, TLS (mTLS files, a CA, a server name; plain TLS with an API key) and the API key.
 */
export async function temporalConnectionOptions(
  config: TemporalConfig,
): Promise<{ address: string; tls?: TLSConfig; apiKey?: string }> {
  const pem = (file: string | undefined) => (file ? readFile(file) : Promise.resolve(undefined));
  const [crt, key, ca] = await Promise.all([
    pem(config.tlsCertFile),
    pem(config.tlsKeyFile),
    pem(config.tlsCaFile),
  ]);
  const tlsWanted = Boolean(crt || ca || config.tlsServerName || config.apiKey);
  return {
    address: config.address,
    ...(tlsWanted
      ? {
          tls: {
            ...(crt && key ? { clientCertPair: { crt, key } } : {}),
            ...(ca ? { serverRootCACertificate: ca } : {}),
            ...(config.tlsServerName ? { serverNameOverride: config.tlsServerName } : {}),
          },
        }
      : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}
