import { describe, expect, it } from 'vitest';
import { compareRequest, type ObservedResponse } from '../../../diff/compare-responses.js';
import { buildDiffReport } from '../../../diff/diff-report.js';
import { endpointTemplate } from '../../../diff/endpoint-template.js';
import { parseRequestSet, RequestSetError } from '../../../diff/request-set.js';
import {
  HEADER_PLACEHOLDER,
  replayHeaders,
  sanitizeBody,
  sanitizeHeaders,
  sanitizePath,
} from '../../../diff/sensitive-headers.js';

const json = (body: unknown, status = 200): ObservedResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const text = (body: string): ObservedResponse => ({
  status: 200,
  headers: { 'content-type': 'text/plain' },
  body,
});

describe('endpoint templates', () => {
  it('collapses numbers, uuids, hex and long tokens in paths, drops the query', () => {
    expect(endpointTemplate('get', '/carts/17?x=1')).toBe('GET /carts/{id}');
    expect(endpointTemplate('GET', '/u/3f2b1c9e-1111-4a2b-9c3d-abcdefabcdef/orders')).toBe(
      'GET /u/{id}/orders',
    );
    expect(endpointTemplate('GET', '/objects/5f1d7c2ab3e4')).toBe('GET /objects/{id}');
    expect(endpointTemplate('GET', '/r/01HZX3K8Q2M9V7T5R4P6N0B1C2')).toBe('GET /r/{id}');
    expect(endpointTemplate('GET', '/products')).toBe('GET /products');
    expect(endpointTemplate('GET', '/healthz')).toBe('GET /healthz');
    expect(endpointTemplate('GET', '/')).toBe('GET /');
  });
});

describe('comparing one request', () => {
  it('compares JSON path by path, ignoring key order, and reports both values', () => {
    const base = { a: 1, b: { c: [1, 2] } };
    const comparison = compareRequest({
      template: 'GET /x',
      baseline: [json(base), json({ b: { c: [1, 2] }, a: 1 })],
      branch: json({ a: 1, b: { c: [1, 3] }, d: true }),
    });
    expect(comparison.noise).toEqual([]);
    expect(comparison.findings).toEqual([
      { path: '$.b.c[1]', baseline: 2, branch: 3 },
      { path: '$.d', baseline: null, branch: true },
    ]);
  });

  it('compares status, chosen headers and text bodies', () => {
    const comparison = compareRequest({
      template: 'GET /t',
      baseline: [text('hello'), text('hello')],
      branch: { status: 500, headers: { 'content-type': 'text/html' }, body: 'oops' },
    });
    expect(comparison.findings.map((f) => f.path)).toEqual(['status', 'header:content-type', 'body']);
  });

  it('masks credential-shaped values and credential-named fields in reports', () => {
    const comparison = compareRequest({
      template: 'GET /me',
      baseline: [
        json({ token: 'abc', url: 'postgres://u:hunter2@db/x', jwt: 'x' }),
        json({ token: 'abc', url: 'postgres://u:hunter2@db/x', jwt: 'x' }),
      ],
      branch: json({ token: 'def', url: 'postgres://u:other@db/x', jwt: 'eyJhbGciOi.eyJzdWIiOi.sig' }),
    });
    const shown = JSON.stringify(comparison.findings);
    expect(shown).not.toMatch(/abc|def|hunter2|other|eyJ/);
    expect(shown).toContain('<redacted>');
  });

  it('learns noise per endpoint template and reports only real changes', () => {
    const answer = (id: number, at: string, price: number) => json({ id, at, items: [{ price, at }] });
    const report = buildDiffReport([
      {
        template: 'GET /carts/{id}',
        comparison: compareRequest({
          template: 'GET /carts/{id}',
          baseline: [answer(1, 't1', 10), answer(1, 't2', 10)],
          branch: answer(1, 't3', 12),
        }),
      },
      { template: 'GET /carts/{id}', failure: 'connection refused' },
      { template: 'POST /carts', skipped: 'writes' },
    ]);
    expect(report.verdict).toBe('differences');
    expect(report.skipped).toBe(1);
    const endpoint = report.endpoints[0]!;
    expect(endpoint).toMatchObject({
      compared: 1,
      differing: 1,
      failed: 1,
      failures: ['connection refused'],
      noiseIgnored: ['$.at', '$.items[*].at'],
    });
    expect(endpoint.differences).toEqual([
      { path: '$.items[0].price', baseline: 10, branch: 12, requests: 1 },
    ]);
  });
});

describe('request sets', () => {
  it('reads the JSON list format and drops credentials', () => {
    const requests = parseRequestSet(
      JSON.stringify({
        requests: [
          {
            service: 'api',
            method: 'get',
            path: '/products?x=1',
            headers: { Authorization: 'Bearer s', Accept: 'application/json' },
          },
        ],
      }),
      'reqs.json',
    );
    expect(requests).toEqual([
      {
        service: 'api',
        method: 'GET',
        path: '/products?x=1',
        headers: { authorization: HEADER_PLACEHOLDER, accept: 'application/json' },
      },
    ]);
    expect(replayHeaders(requests[0]!.headers)).toEqual({ accept: 'application/json' });
  });

  it('reads HAR entries, the service from the host', () => {
    const har = {
      log: {
        entries: [
          {
            request: {
              method: 'POST',
              url: 'http://api.checkout-dev.microstax.localhost:18081/carts',
              headers: [
                { name: 'Cookie', value: 'sid=1' },
                { name: 'content-type', value: 'application/json' },
              ],
              postData: { text: '{"customer":"ada"}' },
            },
          },
        ],
      },
    };
    expect(parseRequestSet(JSON.stringify(har), 'x.har')).toEqual([
      {
        service: 'api',
        method: 'POST',
        path: '/carts',
        headers: { cookie: HEADER_PLACEHOLDER, 'content-type': 'application/json' },
        body: '{"customer":"ada"}',
      },
    ]);
  });

  it('names the malformed entry', () => {
    const bad = {
      requests: [
        { service: 'api', method: 'GET', path: '/ok' },
        { service: 'api', method: 'GET', path: 'no-slash' },
      ],
    };
    expect(() => parseRequestSet(JSON.stringify(bad), 'reqs.json')).toThrow(
      /reqs\.json: entry 1 \(requests\.1\.path\)/,
    );
    const har = {
      log: {
        entries: [
          { request: { method: 'GET', url: 'http://api.x/' } },
          { request: { method: 'GET', url: 'nope' } },
        ],
      },
    };
    expect(() => parseRequestSet(JSON.stringify(har), 'x.har')).toThrow(
      /x\.har: entry 1 \(log\.entries\.1\.request\.url\)/,
    );
    expect(() => parseRequestSet('{', 'r.json')).toThrow(RequestSetError);
    expect(() => parseRequestSet('{"requests":[]}', 'r.json')).toThrow(/no requests/);
    const huge = { requests: [{ service: 'api', method: 'POST', path: '/', body: 'x'.repeat(70_000) }] };
    expect(() => parseRequestSet(JSON.stringify(huge), 'r.json')).toThrow(
      /entry 0 \(requests\.0\.body\).*larger than/,
    );
  });

  it('replaces sensitive headers by a placeholder and drops per-connection ones', () => {
    expect(
      sanitizeHeaders({
        Host: 'x',
        Cookie: 'a=1',
        'X-Session-Id': 's',
        'x-request-id': 'r',
        connection: 'keep-alive',
      }),
    ).toEqual({ cookie: HEADER_PLACEHOLDER, 'x-session-id': HEADER_PLACEHOLDER, 'x-request-id': 'r' });
  });

  it('masks credentials in kept bodies and query strings', () => {
    expect(
      JSON.parse(
        sanitizeBody('{"user":"ada","password":"hunter2","nested":{"apiKey":"k"}}', 'application/json'),
      ),
    ).toEqual({
      user: 'ada',
      password: HEADER_PLACEHOLDER,
      nested: { apiKey: HEADER_PLACEHOLDER },
    });
    expect(sanitizeBody('user=ada&password=hunter2', 'application/x-www-form-urlencoded')).not.toContain(
      'hunter2',
    );
    expect(sanitizeBody('plain text', 'text/plain')).toBe('plain text');
    expect(sanitizePath('/login?token=abc&x=1')).not.toContain('abc');
    expect(sanitizePath('/products?page=2')).toBe('/products?page=2');
  });
});
