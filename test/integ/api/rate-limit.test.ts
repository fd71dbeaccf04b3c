import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../store/api-tokens.js';
import { findUserByName } from '../../../store/users.js';
import { json, startTestApi, type TestApi } from './harness.js';

const LIMIT = 6;
const LOOKUPS = 10;

/** A token of the right shape that the database has never seen. */
const randomApiToken = () => `msx_${randomBytes(32).toString('base64url')}`;

describe('rate limits keyed by the authenticated principal (real API, real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('rate_limit', {
      rateLimitPerMinute: LIMIT,
      config: { tokenLookupsPerMinute: LOOKUPS },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A fresh token of ada's (so each test starts with a fresh bucket). */
  const freshToken = async () => {
    const user = (await findUserByName(api.app.db, 'ada'))!;
    return (await createApiToken(api.app.db, { userId: user.id })).token;
  };
  const list = (authorization: string | undefined, remoteAddress = '127.0.0.1') =>
    api.app.inject({
      url: '/v1/environments',
      remoteAddress,
      headers: authorization === undefined ? {} : { authorization },
    });

  it('counts every way of writing one token against one bucket: 429 after the configured rate', async () => {
    const token = await freshToken();
    const spellings = [
      `Bearer ${token}`,
      `bearer ${token}`,
      `BEARER ${token}`,
      `Bearer    ${token}`,
      `Bearer ${token}   `,
      `bEaReR\t${token}`,
    ];
    // Each spelling from its own address: the address plays no part once the token is known.
    const codes = [];
    for (const [i, spelling] of spellings.entries())
      codes.push((await list(spelling, `10.0.1.${i}`)).statusCode);
    expect(codes).toEqual(Array(LIMIT).fill(200));
    for (const spelling of spellings) {
      const refused = await list(spelling, '10.0.1.99');
      expect(refused.statusCode).toBe(429);
      expect(json<{ error: { code: string } }>(refused).error.code).toBe('rate_limited');
    }
    // Another token of the same user has a bucket of its own.
    expect((await list(`Bearer ${await freshToken()}`)).statusCode).toBe(200);
  });

  it('answers the exact header 429 after the configured rate, with the standard headers', async () => {
    const header = `Bearer ${await freshToken()}`;
    for (let i = 0; i < LIMIT; i++) expect((await list(header)).statusCode).toBe(200);
    const refused = await list(header);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('counts random bad tokens, malformed headers and no header against the client address', async () => {
    const address = '10.0.2.1';
    const presented = [
      `Bearer ${randomApiToken()}`,
      `Bearer ${randomApiToken()}`,
      'Bearer not-a-token-at-all',
      'Basic dXNlcjpwYXNz',
      undefined,
      `bearer ${randomApiToken()}`,
    ];
    for (const header of presented) expect((await list(header, address)).statusCode).toBe(401);
    expect((await list(`Bearer ${randomApiToken()}`, address)).statusCode).toBe(429);
    expect((await list(undefined, address)).statusCode).toBe(429);
    // Another address is not affected, and neither is a valid token calling from the same address.
    expect((await list(undefined, '10.0.2.2')).statusCode).toBe(401);
    expect((await list(`Bearer ${await freshToken()}`, address)).statusCode).toBe(200);
  });

  it('answers a flood of bad tokens from one address with a bounded number of database lookups', async () => {
    const before = { ...api.app.tokenLookups };
    const address = '10.0.3.1';
    // 200 distinct tokens, 20 at a time (concurrent requests cannot overshoot the budget).
    const codes: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => list(`Bearer ${randomApiToken()}`, address)),
      );
      codes.push(...answers.map((a) => a.statusCode));
    }
    const missing = api.app.tokenLookups.missing - before.missing;
    expect(missing).toBeLessThanOrEqual(LOOKUPS);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOOKUPS);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(200 - LOOKUPS);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it('looks up one bad token repeated from many addresses once: the miss is remembered', async () => {
    const before = api.app.tokenLookups.missing;
    const header = `Bearer ${randomApiToken()}`;
    for (let i = 0; i < 30; i++) expect((await list(header, `10.0.4.${i}`)).statusCode).toBe(401);
    expect(api.app.tokenLookups.missing - before).toBe(1);
  });

  it('keeps a valid token working for an address whose lookup budget bad tokens have spent', async () => {
    const address = '10.0.5.1';
    for (let i = 0; i < LOOKUPS; i++) await list(`Bearer ${randomApiToken()}`, address);
    const spent = await list(`Bearer ${randomApiToken()}`, address);
    expect(spent.statusCode).toBe(429);
    expect(json<{ error: { message: string } }>(spent).error.message).toMatch(/unrecognised tokens/);
    // A token the cache already knows needs no lookup; the budget spent on bad tokens does not touch it.
    const known = `Bearer ${await freshToken()}`;
    expect((await list(known, '10.0.5.2')).statusCode).toBe(200);
    expect((await list(known, address)).statusCode).toBe(200);
  });
});
