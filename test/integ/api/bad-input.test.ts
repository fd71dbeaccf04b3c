import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_BLUEPRINT, registerShop, SHOP_BLUEPRINT } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

interface BadRequest {
  name: string;
  method?: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** A string is sent as is (with the content type below), anything else as JSON. */
  payload?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** The status expected; default: any 4xx. */
  status?: number;
  field?: string;
}

const ALIAS_BOMB = `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
name: bomb
services: [{name: web, image: nginx}]
`;
const deepJson = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;

/** Malformed, huge, wrongly typed and unknown input, and invalid blueprints: all 4xx, nothing created. */
const CORPUS: BadRequest[] = [
  {
    name: 'empty create body',
    method: 'POST',
    url: '/v1/environments',
    payload: {},
    status: 400,
    field: 'body.blueprint',
  },
  {
    name: 'blueprint of wrong type',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: 5 },
    status: 400,
  },
  {
    name: 'blueprint as array',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: [] },
    status: 400,
  },
  {
    name: 'JSON null body',
    method: 'POST',
    url: '/v1/environments',
    payload: 'null',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'JSON string body',
    method: 'POST',
    url: '/v1/environments',
    payload: '"hello"',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'truncated JSON',
    method: 'POST',
    url: '/v1/environments',
    payload: '{"blueprint": {',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'deeply nested JSON',
    method: 'POST',
    url: '/v1/environments',
    payload: deepJson,
    contentType: 'application/json',
  },
  {
    name: 'text body',
    method: 'POST',
    url: '/v1/environments',
    payload: 'blueprint=shop',
    contentType: 'text/plain',
    status: 415,
  },
  {
    name: 'bad ttl',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, ttl: 'forever' },
    status: 400,
    field: 'body.ttl',
  },
  {
    name: 'numeric ttl',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, ttl: 3600 },
    status: 400,
    field: 'body.ttl',
  },
  {
    name: 'bad blueprint name',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'Shop!' } },
    status: 400,
  },
  {
    name: 'negative version',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop', version: -1 } },
    status: 400,
  },
  {
    name: 'unknown version',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop', version: 99 } },
    status: 404,
  },
  {
    name: 'unknown blueprint',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'nope' } },
    status: 404,
  },
  {
    name: 'unknown field',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, replicas: 3 },
    status: 400,
    field: 'body.replicas',
  },
  {
    name: 'unknown nested field',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop', tag: 'x' } },
    status: 400,
  },
  {
    name: 'missing baseline',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, branchOf: 'enotthere000' },
    status: 404,
  },
  {
    name: 'bad branchOf id',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, branchOf: '../etc' },
    status: 400,
  },
  {
    name: 'bad idempotency key',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' } },
    headers: { 'idempotency-key': 'has spaces in it' },
    status: 400,
  },
  {
    name: 'foreign team',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, team: 'search' },
    status: 403,
  },
  {
    name: 'invalid inline blueprint',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { source: INVALID_BLUEPRINT } },
    status: 422,
  },
  {
    name: 'inline blueprint that is not YAML',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { source: '::: {[' } },
    status: 422,
  },
  {
    name: 'inline blueprint alias bomb',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { source: ALIAS_BOMB } },
    status: 422,
  },
  {
    name: 'inline blueprint missing its script',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { source: SHOP_BLUEPRINT } },
    status: 422,
  },
  {
    name: 'bad overlay',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, overlays: [{ fileName: 'o.yaml', source: 'layer: galaxy\n' }] },
    status: 422,
  },
  {
    name: 'bad context key',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { name: 'shop' }, context: { 'bad key': 'x' } },
    status: 400,
  },
  {
    name: 'huge body',
    method: 'POST',
    url: '/v1/environments',
    payload: { blueprint: { source: 'x'.repeat(3.5 * 1024 * 1024) } },
    status: 413,
  },
  {
    name: 'source over the blueprint limit',
    method: 'POST',
    url: '/v1/blueprints',
    payload: { source: `# ${'x'.repeat(2.2 * 1024 * 1024)}` },
    status: 400,
  },
  {
    name: 'register invalid blueprint',
    method: 'POST',
    url: '/v1/blueprints',
    payload: { source: INVALID_BLUEPRINT },
    status: 422,
  },
  {
    name: 'register blueprint with a cycle',
    method: 'POST',
    url: '/v1/blueprints',
    payload: {
      source:
        'name: loop\nservices:\n  - {name: a, image: x:1, dependsOn: [b]}\n  - {name: b, image: x:1, dependsOn: [a]}\n',
    },
    status: 422,
  },
  {
    name: 'register with a script path escaping',
    method: 'POST',
    url: '/v1/blueprints',
    payload: {
      source:
        'name: esc\nservices:\n  - name: db\n    image: postgres:16\n    init: {type: sql, script: ../../etc/passwd}\n',
    },
    status: 422,
  },
  {
    name: 'register with empty source',
    method: 'POST',
    url: '/v1/blueprints',
    payload: { source: '' },
    status: 400,
    field: 'body.source',
  },
  {
    name: 'register with absolute file name',
    method: 'POST',
    url: '/v1/blueprints',
    payload: { source: SHOP_BLUEPRINT, fileName: '/etc/x.yaml' },
    status: 400,
    field: 'body.fileName',
  },
  {
    name: 'scripts of wrong type',
    method: 'POST',
    url: '/v1/blueprints',
    payload: { source: SHOP_BLUEPRINT, scripts: { 'scripts/seed.sql': 5 } },
    status: 400,
  },
  {
    name: 'plan without branch',
    method: 'POST',
    url: '/v1/blueprints/plan',
    payload: { baseline: { name: 'shop' } },
    status: 400,
    field: 'body.branch',
  },
  { name: 'list with bad limit', url: '/v1/environments?limit=abc', status: 400, field: 'querystring.limit' },
  {
    name: 'list with huge limit',
    url: '/v1/environments?limit=100000',
    status: 400,
    field: 'querystring.limit',
  },
  {
    name: 'list with unknown phase',
    url: '/v1/environments?phase=exploded',
    status: 400,
    field: 'querystring.phase',
  },
  { name: 'list with unknown filter', url: '/v1/environments?colour=red', status: 400 },
  { name: 'get with bad id', url: '/v1/environments/NOT_AN_ID', status: 400, field: 'params.id' },
  { name: 'get blueprint with bad version', url: '/v1/blueprints/shop?version=zero', status: 400 },
  {
    name: 'extend with bad duration',
    method: 'POST',
    url: '/v1/environments/eabc123456789/extend',
    payload: { by: '2 hours' },
    status: 400,
    field: 'body.by',
  },
  {
    name: 'snapshot with bad name',
    method: 'POST',
    url: '/v1/environments/eabc123456789/snapshots',
    payload: { name: 'Bad Name' },
    status: 400,
  },
  {
    name: 'share for too long',
    method: 'POST',
    url: '/v1/environments/eabc123456789/shares',
    payload: { ttl: 'x' },
    status: 400,
    field: 'body.ttl',
  },
  {
    name: 'revoke with bad share id',
    method: 'DELETE',
    url: '/v1/environments/eabc123456789/shares/zzz',
    status: 400,
  },
];

describe('bad input corpus (real Postgres)', () => {
  let api: TestApi;
  const counts = async () => {
    const { rows } = await api.app.db.query<{ t: string; n: number }>(
      `SELECT 'environments' AS t, count(*)::int AS n FROM environments
       UNION ALL SELECT 'blueprints', count(*)::int FROM blueprints
       UNION ALL SELECT 'blueprint_versions', count(*)::int FROM blueprint_versions
       UNION ALL SELECT 'events', count(*)::int FROM events
       UNION ALL SELECT 'snapshots', count(*)::int FROM snapshots
       UNION ALL SELECT 'shares', count(*)::int FROM shares`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  };

  beforeAll(async () => {
    api = await startTestApi('badinput');
    await registerShop(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers every bad request with a 4xx in the standard shape and creates nothing', async () => {
    const before = await counts();
    const failures: string[] = [];
    for (const bad of CORPUS) {
      const isRaw = typeof bad.payload === 'string';
      const response = await api.app.inject({
        method: bad.method ?? 'GET',
        url: bad.url,
        headers: {
          ...api.headers('member'),
          ...(bad.payload !== undefined ? { 'content-type': bad.contentType ?? 'application/json' } : {}),
          ...bad.headers,
        },
        payload: isRaw
          ? (bad.payload as string)
          : bad.payload === undefined
            ? undefined
            : JSON.stringify(bad.payload),
      });
      const ok = bad.status
        ? response.statusCode === bad.status
        : response.statusCode >= 400 && response.statusCode < 500;
      let body: { error?: { code?: string; message?: string; field?: string } } = {};
      try {
        body = json(response);
      } catch {
        failures.push(`${bad.name}: body is not JSON: ${response.body.slice(0, 80)}`);
        continue;
      }
      if (!ok) failures.push(`${bad.name}: got ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if (!body.error?.code || !body.error.message)
        failures.push(`${bad.name}: not the error shape: ${response.body.slice(0, 120)}`);
      else if (bad.field && body.error.field !== bad.field)
        failures.push(`${bad.name}: field ${body.error.field}, wanted ${bad.field}`);
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
