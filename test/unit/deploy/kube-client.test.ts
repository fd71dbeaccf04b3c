import { ApiException, KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { KubeApiError } from '../../../deploy/errors.js';
import { KubeClient, toKubeApiError } from '../../../deploy/kube-client.js';

function client() {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:1' }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new KubeClient(config, { attempts: 4, initialDelayMs: 1, maxDelayMs: 2 });
}

const status = (code: number, reason: string, message: string) =>
  new ApiException(code, 'Unsuccessful HTTP Request', { kind: 'Status', reason, message }, {});

describe('toKubeApiError', () => {
  it('keeps the status code, reason and API message', () => {
    const error = toKubeApiError(status(422, 'Invalid', 'Deployment.apps "x" is invalid'), 'apply x');
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error.toJSON()).toMatchObject({
      type: 'kube-api',
      retryable: false,
      params: {
        statusCode: 422,
        reason: 'Invalid',
        apiMessage: 'Deployment.apps "x" is invalid',
        operation: 'apply x',
      },
    });
  });

  it('marks throttling, server errors and lost connections retryable', () => {
    expect(toKubeApiError(status(429, 'TooManyRequests', 'slow down'), 'x').retryable).toBe(true);
    expect(toKubeApiError(status(503, 'ServiceUnavailable', 'x'), 'x').retryable).toBe(true);
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toKubeApiError(refused, 'x')).toMatchObject({
      retryable: true,
      params: { statusCode: 0, reason: 'ECONNREFUSED' },
    });
    expect(toKubeApiError(status(404, 'NotFound', 'gone'), 'x').retryable).toBe(false);
  });
});

describe('KubeClient.call', () => {
  it('retries retryable failures with backoff, then succeeds', async () => {
    let calls = 0;
    const result = await client().call('read x', async () => {
      calls++;
      if (calls < 3) throw status(503, 'ServiceUnavailable', 'etcd leader changed');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt and fails at once on a permanent error', async () => {
    let calls = 0;
    await expect(
      client().call('read x', async () => {
        calls++;
        throw status(500, 'InternalError', 'boom');
      }),
    ).rejects.toMatchObject({ params: { statusCode: 500 } });
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      client().call('apply x', async () => {
        calls++;
        throw status(403, 'Forbidden', 'exceeded quota');
      }),
    ).rejects.toMatchObject({ type: 'kube-api', params: { statusCode: 403 } });
    expect(calls).toBe(1);
  });
});
