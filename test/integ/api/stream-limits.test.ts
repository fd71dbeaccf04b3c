import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../../store/api-tokens.js';
import { findUserByName } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { registerShop } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

const STREAMS = 2;

/** An open server-sent event stream over real HTTP, read as it arrives. */
interface OpenStream {
  status: number;
  /** Everything received so far. */
  text(): string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

describe('event streams: capped per token, closed when the token is revoked (real API over HTTP)', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  let base: string;
  let environmentId: string;
  let workflowEnvironmentId: string | undefined;
  beforeAll(async () => {
    api = await startTestApi('stream_limits', {
      config: { streamsPerToken: STREAMS, streamRecheckMs: 1_000 },
    });
    temporal = await createTemporalClient({ env: await stackEnv() });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
    await registerShop(api);
    // Its workflow waits on this file's own task queue (no worker): the environment stays pending, so
    // a stream of it stays open until the client or the server ends it.
    const created = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: { blueprint: { name: 'shop' } },
    });
    expect(created.statusCode).toBe(201);
    workflowEnvironmentId = json<{ id: string }>(created).id;
    // The streams watch a copy of its row whose workflow does not exist: each poll's status query is then
    // answered at once (not found) instead of hanging on a workflow no worker serves, whose client
    // retries would outlive this file's Temporal connection.
    environmentId = `${workflowEnvironmentId.slice(0, 30)}-copy`;
    await api.app.db.query(
      `INSERT INTO environments
         SELECT (jsonb_populate_record(NULL::environments,
           to_jsonb(e) || jsonb_build_object('id', $2::text, 'idempotency_key', $2::text, 'workflow_id', 'env-' || $2))).*
         FROM environments e WHERE id = $1`,
      [workflowEnvironmentId, environmentId],
    );
  });
  afterAll(async () => {
    if (workflowEnvironmentId) {
      await temporal.client.workflow
        .getHandle(`env-${workflowEnvironmentId}`)
        .terminate('test over')
        .catch(() => {});
    }
    await temporal?.close();
    await api?.close();
  });

  const freshToken = async () => {
    const user = (await findUserByName(api.app.db, 'ada'))!;
    return createApiToken(api.app.db, { userId: user.id });
  };

  async function openStream(token: string): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${base}/v1/environments/${environmentId}/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    let received = '';
    const ended = (async () => {
      if (!response.body) return;
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body) received += decoder.decode(chunk, { stream: true });
      } catch {
        // aborted by close()
      }
    })();
    return { status: response.status, text: () => received, ended, close: () => abort.abort() };
  }

  const until = async (check: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('refuses the stream beyond the cap with a 429, per token, and frees the slot when one closes', async () => {
    const { token } = await freshToken();
    const open = [await openStream(token), await openStream(token)];
    expect(open.map((s) => s.status)).toEqual([200, 200]);
    await until(() => open.every((s) => s.text().includes('event: status')), 10_000);

    const refused = await openStream(token);
    expect(refused.status).toBe(429);
    await refused.ended;
    expect(JSON.parse(refused.text())).toMatchObject({
      error: {
        code: 'rate_limited',
        message: expect.stringContaining(`at most ${STREAMS} open event streams`),
      },
    });
    // Another token (of the same user) has slots of its own.
    const other = await openStream((await freshToken()).token);
    expect(other.status).toBe(200);
    other.close();

    open[0]!.close();
    await open[0]!.ended;
    // The server notices the client went away at its next poll.
    let again: OpenStream | undefined;
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      again = await openStream(token);
      if (again.status === 200) break;
      await again.ended;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(again?.status).toBe(200);
    again!.close();
    open[1]!.close();
  });

  it('closes an open stream within 5 s of its token being revoked', async () => {
    const { token, record } = await freshToken();
    const stream = await openStream(token);
    expect(stream.status).toBe(200);
    await until(() => stream.text().includes('event: status'), 10_000);

    const revokedAt = Date.now();
    expect(await revokeApiToken(api.app.db, record.id)).toBe(true);
    await Promise.race([
      stream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open after 5 s')), 5_000)),
    ]);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(stream.text()).toMatch(/event: error\ndata: \{"code":"unauthorized"/);
    // And the revoked token cannot open another.
    expect((await openStream(token)).status).toBe(401);
  });
});
