import { z } from 'zod';
import { readEnvSettings } from '../settings/env-settings.js';

/** The gateway's settings read from the environment (its other settings are command-line flags). */
export const GatewaySettingsSchema = z
  .strictObject({
    tlsCertFile: z
      .string()
      .min(1)
      .optional()
      .describe(
        'PEM certificate chain the gateway serves HTTPS with (MICROSTAX_GATEWAY_TLS_CERT_FILE); unset: plain HTTP',
      ),
    tlsKeyFile: z
      .string()
      .min(1)
      .optional()
      .describe('PEM private key of that certificate (MICROSTAX_GATEWAY_TLS_KEY_FILE)'),
    httpRedirectPort: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe(
        'With TLS, a plain-HTTP port that redirects to HTTPS (MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT); unset: none',
      ),
  })
  .superRefine((settings, context) => {
    // Half a certificate is a mistake to name at start, not a plain-HTTP gateway.
    if (Boolean(settings.tlsCertFile) !== Boolean(settings.tlsKeyFile)) {
      context.addIssue({
        code: 'custom',
        path: [settings.tlsCertFile ? 'tlsKeyFile' : 'tlsCertFile'],
        message: 'required with the other TLS file (set both or neither)',
      });
    }
    if (settings.httpRedirectPort !== undefined && !settings.tlsCertFile) {
      context.addIssue({
        code: 'custom',
        path: ['httpRedirectPort'],
        message: 'needs TLS (MICROSTAX_GATEWAY_TLS_CERT_FILE and MICROSTAX_GATEWAY_TLS_KEY_FILE)',
      });
    }
  });
export type GatewaySettings = z.infer<typeof GatewaySettingsSchema>;

export const GATEWAY_SETTINGS_ENV: { [K in keyof GatewaySettings]-?: string } = {
  tlsCertFile: 'MICROSTAX_GATEWAY_TLS_CERT_FILE',
  tlsKeyFile: 'MICROSTAX_GATEWAY_TLS_KEY_FILE',
  httpRedirectPort: 'MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT',
};

export function loadGatewaySettings(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<z.input<typeof GatewaySettingsSchema>> = {},
): GatewaySettings {
  return readEnvSettings({
    component: 'gateway',
    schema: GatewaySettingsSchema,
    variables: GATEWAY_SETTINGS_ENV,
    env,
    overrides,
  });
}
