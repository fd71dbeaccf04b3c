import { describe, expect, it } from 'vitest';
import type { EnvironmentBody } from '../../../cli/api-types.js';
import { CliError } from '../../../cli/cli-error.js';
import { serviceUrl } from '../../../cli/service-url.js';

const environment = (urls: Record<string, string>) =>
  ({ id: 'e1', name: 'pr-42', urls }) as unknown as EnvironmentBody;

describe('serviceUrl', () => {
  it('gives the URL of an exposed service', () => {
    expect(serviceUrl(environment({ api: 'http://api.pr-42.example' }), 'api')).toBe(
      'http://api.pr-42.example',
    );
  });

  it('refuses another service, naming the environment and the services it exposes', () => {
    const error = (() => {
      try {
        serviceUrl(environment({ api: 'http://a', web: 'http://w' }), 'db');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      type: 'invalid-input',
      field: 'service',
      message: 'pr-42 has no URL for db',
      hint: 'exposed services: api, web',
    });
    expect(() => serviceUrl(environment({}), 'db')).toThrow(
      expect.objectContaining({ hint: 'it exposes no service' }),
    );
  });
});
