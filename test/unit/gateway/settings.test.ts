import { describe, expect, it } from 'vitest';
import { loadGatewaySettings } from '../../../gateway/settings.js';
import { SettingsError } from '../../../settings/env-settings.js';

describe("the gateway's settings", () => {
  it('is plain HTTP with nothing set, HTTPS with both files', () => {
    expect(loadGatewaySettings({})).toEqual({});
    expect(
      loadGatewaySettings({
        MICROSTAX_GATEWAY_TLS_CERT_FILE: '/tls/tls.crt',
        MICROSTAX_GATEWAY_TLS_KEY_FILE: '/tls/tls.key',
        MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT: '8080',
      }),
    ).toEqual({ tlsCertFile: '/tls/tls.crt', tlsKeyFile: '/tls/tls.key', httpRedirectPort: 8080 });
  });

  it('refuses half a pair, a redirect without TLS and a bad port, naming the variable', () => {
    const problem = (env: NodeJS.ProcessEnv) => {
      try {
        loadGatewaySettings(env);
      } catch (error) {
        expect(error).toBeInstanceOf(SettingsError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ MICROSTAX_GATEWAY_TLS_CERT_FILE: '/tls/tls.crt' })).toMatch(
      /MICROSTAX_GATEWAY_TLS_KEY_FILE: required with the other TLS file/,
    );
    expect(problem({ MICROSTAX_GATEWAY_TLS_KEY_FILE: '/tls/tls.key' })).toMatch(
      /MICROSTAX_GATEWAY_TLS_CERT_FILE/,
    );
    expect(problem({ MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT: '8080' })).toMatch(
      /MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT: needs TLS/,
    );
    expect(
      problem({
        MICROSTAX_GATEWAY_TLS_CERT_FILE: '/a',
        MICROSTAX_GATEWAY_TLS_KEY_FILE: '/b',
        MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT: '99999',
      }),
    ).toMatch(/MICROSTAX_GATEWAY_HTTP_REDIRECT_PORT/);
  });

  it('takes command-line flags over the environment', () => {
    expect(
      loadGatewaySettings(
        { MICROSTAX_GATEWAY_TLS_CERT_FILE: '/env.crt', MICROSTAX_GATEWAY_TLS_KEY_FILE: '/env.key' },
        {
          tlsCertFile: '/flag.crt',
        },
      ),
    ).toMatchObject({ tlsCertFile: '/flag.crt', tlsKeyFile: '/env.key' });
  });
});
