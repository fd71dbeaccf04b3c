import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { registerShop } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

/**
 * The codec server on a real workflow: the API starts an environment's workflow (its input encrypted
 * by the payload codec), the test reads that ciphertext from Temporal's history and asks the codec
 * server to decode it as the team's member (plaintext), another team (403) and nobody (401).
 */

interface JsonPayloads {
  payloads: { metadata: Record<string, string>; data?: string }[];
}

let api: TestApi;
let temporal: TemporalClientHandle;
let workflowId: string;
let environmentId: string;
let input: JsonPayloads;

beforeAll(async () => {
  api = await startTestApi('codec');
  temporal = await createTemporalClient({ env: await stackEnv() });
  await registerShop(api);
  const created = await api.app.inject({
    method: 'POST',
    url: '/v1/environments',
    headers: { ...api.headers('member'), 'idempotency-key': `codec-${randomUUID()}` },
    payload: { blueprint: { name: 'shop' }, ttl: '1h' },
  });
  expect(created.statusCode, created.body).toBe(201);
  ({ id: environmentId, workflowId } = json<{ id: string; workflowId: string }>(created));
  const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const payloads = started?.input?.payloads ?? [];
  expect(payloads.length).toBeGreaterThan(0);
  input = {
    payloads: payloads.map((payload) => ({
      metadata: Object.fromEntries(
        Object.entries(payload.metadata ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value).toString('base64'),
        ]),
      ),
      data: Buffer.from(payload.data ?? []).toString('base64'),
    })),
  };
}, 60_000);

afterAll(async () => {
  await temporal?.client.workflow
    .getHandle(workflowId)
    .terminate('codec server test done')
    .catch(() => {});
  await temporal?.close();
  await api?.close();
});

const decode = (headers: Record<string, string>, body: object = input) =>
  api.app.inject({
    method: 'POST',
    url: '/codec/decode',
    headers: { ...headers, 'x-namespace': 'microstax' },
    payload: body,
  });

describe('codec server', () => {
  it('the history holds only ciphertext', () => {
    const encoding = Buffer.from(input.payloads[0]!.metadata.encoding!, 'base64').toString();
    expect(encoding).toBe('binary/encrypted');
    expect(Buffer.from(input.payloads[0]!.data!, 'base64').toString()).not.toContain(environmentId);
  });

  it("decodes the workflow's input for a member of its team", async () => {
    const response = await decode(api.headers('member'));
    expect(response.statusCode, response.body).toBe(200);
    const [payload] = json<JsonPayloads>(response).payloads;
    expect(Buffer.from(payload!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    const plain = JSON.parse(Buffer.from(payload!.data!, 'base64').toString()) as {
      environmentId: string;
      team: string;
    };
    expect(plain).toMatchObject({ environmentId, team: 'payments' });
  });

  it('refuses another team (403), nobody (401) and a bad token (401)', async () => {
    const other = await decode(api.headers('other'));
    expect(other.statusCode).toBe(403);
    expect(json(other)).toMatchObject({ error: { message: expect.stringMatching(/team payments/) } });
    expect((await decode({})).statusCode).toBe(401);
    expect((await decode(api.headers('bad'))).statusCode).toBe(401);
  });

  it('an admin decodes it too', async () => {
    expect((await decode(api.headers('admin'))).statusCode).toBe(200);
  });

  it('encodes for an authenticated caller, and round-trips', async () => {
    const plain = {
      payloads: [
        {
          metadata: { encoding: Buffer.from('json/plain').toString('base64') },
          data: Buffer.from(JSON.stringify({ team: 'payments', note: 'hi' })).toString('base64'),
        },
      ],
    };
    const encoded = await api.app.inject({
      method: 'POST',
      url: '/codec/encode',
      headers: { ...api.headers('member'), 'x-namespace': 'microstax' },
      payload: plain,
    });
    expect(encoded.statusCode).toBe(200);
    const decoded = await decode(api.headers('member'), json(encoded));
    expect(json<JsonPayloads>(decoded).payloads[0]!.data).toBe(plain.payloads[0]!.data);
    expect((await api.app.inject({ method: 'POST', url: '/codec/encode', payload: plain })).statusCode).toBe(
      401,
    );
  });

  it('refuses tampered ciphertext, another namespace and malformed bodies with 400', async () => {
    const tampered = structuredClone(input);
    const bytes = Buffer.from(tampered.payloads[0]!.data!, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    tampered.payloads[0]!.data = bytes.toString('base64');
    const refused = await decode(api.headers('member'), tampered);
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({
      error: { message: expect.stringMatching(/failed authentication/) },
    });
    const otherNamespace = await api.app.inject({
      method: 'POST',
      url: '/codec/decode',
      headers: { ...api.headers('member'), 'x-namespace': 'default' },
      payload: input,
    });
    expect(otherNamespace.statusCode).toBe(400);
    expect((await decode(api.headers('member'), { payloads: 'nope' })).statusCode).toBe(400);
    expect(
      (await decode(api.headers('member'), { payloads: [{ metadata: { encoding: '***' } }] })).statusCode,
    ).toBe(400);
  });
});
