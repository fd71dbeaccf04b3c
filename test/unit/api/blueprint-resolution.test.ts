import { describe, expect, it } from 'vitest';
import {
  digestBlueprint,
  formatProblem,
  resolveOrReject,
  viewResolved,
} from '../../../api/blueprint-resolution.js';
import { ApiError } from '../../../api/errors.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';

const SOURCE = `name: shop
services:
  - name: api
    image: ghcr.io/acme/api:1
    env:
      DATABASE_URL: postgres://app:pw-should-not-show@db:5432/app
      TOKEN:
        secret: inline-should-not-show
  - name: db
    image: postgres:16
    init: {type: sql, script: seed.sql}
`;

describe('blueprint resolution for the API', () => {
  it('digests by meaning: key order does not change the digest, content does', () => {
    const a: ResolvedBlueprint = { name: 'x', routing: 'dns', services: [] };
    const b = { services: [], routing: 'dns', name: 'x' } as ResolvedBlueprint;
    expect(digestBlueprint(a)).toBe(digestBlueprint(b));
    expect(digestBlueprint(a)).not.toBe(digestBlueprint({ ...a, routing: 'header' }));
  });

  it('masks secret values and leaves script contents out of the view', async () => {
    const resolved = await resolveOrReject({
      source: SOURCE,
      fileName: 'shop.yaml',
      scripts: { 'seed.sql': 'INSERT 1;' },
    });
    const text = JSON.stringify(viewResolved(resolved));
    expect(text).not.toContain('pw-should-not-show');
    expect(text).not.toContain('inline-should-not-show');
    expect(text).not.toContain('INSERT 1;');
    expect(text).toContain('"sha256"');
    // The resolved blueprint itself still has the values: the workflow needs them.
    expect(JSON.stringify(resolved.blueprint)).toContain('inline-should-not-show');
  });

  it('rejects an invalid blueprint with a 422 naming file, line and column', async () => {
    const error = await resolveOrReject({ source: 'name: x\nservices: []\n', fileName: 'x.yaml' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 422, code: 'invalid_blueprint', field: 'body.source' });
    expect(error.message).toMatch(/^invalid blueprint: x\.yaml:\d+:\d+: /);
    expect(formatProblem({ file: 'f.yaml', line: 3, column: 5, path: 'a', message: 'bad' })).toBe(
      'f.yaml:3:5: bad',
    );
  });
});
