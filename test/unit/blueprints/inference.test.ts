import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../blueprints/closest-key.js';
import { findCycles } from '../../../blueprints/dependency-graph.js';
import { imageReferenceError } from '../../../blueprints/image-reference.js';
import { scriptPathError } from '../../../blueprints/init-scripts.js';
import { hostReferences, referencePort } from '../../../blueprints/references.js';
import { resolveBlueprintFile, resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { looksSecret, maskSecret, SECRET_MARKER } from '../../../blueprints/secrets.js';

describe('host references in env values', () => {
  const hosts = (name: string, value: string) =>
    hostReferences({ name, value }).map((r) => `${r.host}:${referencePort(r) ?? '-'}`);

  it('finds URL hosts with explicit or scheme-default ports', () => {
    expect(hosts('DATABASE_URL', 'postgres://postgres:secret@db:5432/checkout')).toEqual(['db:5432']);
    expect(hosts('API', 'http://api')).toEqual(['api:80']);
    expect(hosts('REDIS_URL', 'redis://cache:6379')).toEqual(['cache:6379']);
    expect(hosts('JDBC', 'jdbc:postgresql://db/app')).toEqual(['db:5432']);
    expect(hosts('MONGO', 'mongodb://m1:27017,m2:27018/app?replicaSet=rs')).toEqual(['m1:27017', 'm2:27018']);
  });

  it('finds bare host:port, also in lists, and service names in *_HOST variables', () => {
    expect(hosts('DB', 'db:5432')).toEqual(['db:5432']);
    expect(hosts('KAFKA_BROKERS', 'k1:9092,k2:9092')).toEqual(['k1:9092', 'k2:9092']);
    expect(hosts('SMTP_HOST', 'mail')).toEqual(['mail:-']);
    expect(hosts('MODE', 'mail')).toEqual([]);
    expect(hosts('GREETING', 'hello world: 5')).toEqual([]);
  });
});

describe('secrets', () => {
  it('treats URL passwords and credential-named variables as secret', () => {
    expect(looksSecret({ name: 'DATABASE_URL', value: 'postgres://u:p@db/x' })).toBe(true);
    expect(looksSecret({ name: 'DATABASE_URL', value: 'postgres://u@db/x' })).toBe(false);
    expect(looksSecret({ name: 'STRIPE_API_KEY', value: 'sk_test_1' })).toBe(true);
    expect(looksSecret({ name: 'POSTGRES_PASSWORD', value: 'x' })).toBe(true);
    expect(looksSecret({ name: 'LOG_LEVEL', value: 'debug' })).toBe(false);
  });

  it('masks only the password of a URL, and whole values otherwise', () => {
    expect(maskSecret('postgres://u:p4ss@db:5432/x')).toBe(`postgres://u:${SECRET_MARKER}@db:5432/x`);
    expect(maskSecret('hunter2')).toBe(SECRET_MARKER);
  });
});

describe('image references', () => {
  it.each([
    'postgres:16-alpine',
    'ghcr.io/acme/checkout-api:latest',
    'localhost:5000/web',
    'registry.acme.internal:5000/payments/api@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    'docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    'minio/minio:RELEASE.2024-10-13T13-34-11Z',
  ])('accepts %s', (image) => {
    expect(imageReferenceError(image)).toBeUndefined();
  });

  it.each(['Ghcr.io/Acme/API:1', 'nginx:', 'nginx@sha256:1234', 'my image', 'a//b', ':tag', 'nginx:-x'])(
    'rejects %s',
    (image) => {
      expect(imageReferenceError(image)).toBeDefined();
    },
  );
});

describe('dependency cycles', () => {
  it('names each cycle once, from its first service', () => {
    expect(findCycles({ a: ['b'], b: ['c'], c: ['a'], d: ['d'], e: [] })).toEqual([
      ['a', 'b', 'c', 'a'],
      ['d', 'd'],
    ]);
    expect(findCycles({ a: ['b'], b: [] })).toEqual([]);
  });

  it('handles a 5,000-service chain without deep recursion', () => {
    const graph: Record<string, string[]> = {};
    for (let i = 0; i < 5000; i++) graph[`s${i}`] = i + 1 < 5000 ? [`s${i + 1}`] : ['s0'];
    expect(findCycles(graph)[0]).toHaveLength(5001);
  });
});

describe('suggestions and script paths', () => {
  it('suggests the closest key only when it is a likely typo', () => {
    expect(closestMatch('imagee', ['image', 'name'])).toBe('image');
    expect(closestMatch('helthCheck', ['healthCheck', 'env'])).toBe('healthCheck');
    expect(closestMatch('zzz', ['image', 'name'])).toBeUndefined();
  });

  it('rejects absolute and escaping script paths', () => {
    expect(scriptPathError('scripts/seed.sql')).toBeUndefined();
    expect(scriptPathError('./seed.sql')).toBeUndefined();
    expect(scriptPathError('/etc/passwd')).toContain('absolute');
    expect(scriptPathError('../x.sql')).toContain('leaves');
    expect(scriptPathError('scripts/../../x.sql')).toContain('leaves');
  });
});

describe('resolution details', () => {
  const resolve = (source: string, scripts?: Record<string, string>) =>
    resolveBlueprintSource({ source, fileName: 'bp.yaml', ...(scripts ? { scripts } : {}) });

  it('keeps access: public only on exposed services, private being the default and left out', async () => {
    const result = await resolve(`name: x
services:
  - name: web
    image: ghcr.io/acme/web:1
    expose: true
    access: public
  - name: api
    image: ghcr.io/acme/api:1
    expose: true
    access: private
  - name: worker
    image: ghcr.io/acme/worker:1
    access: public
`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [web, api, worker] = result.blueprint.services;
    expect(web!.access).toBe('public');
    expect('access' in api!).toBe(false);
    expect('access' in worker!).toBe(false);
    const bad = await resolve(
      'name: x\nservices:\n  - name: web\n    image: a/b:1\n    expose: true\n    access: everyone\n',
    );
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(!bad.ok && bad.problems)).toContain('access');
  });

  it('infers ports from URLs, well-known images and health checks, and exposes the first', async () => {
    const result = await resolve(`name: x
services:
  - name: web
    image: ghcr.io/acme/web:1
    expose: true
    healthCheck: { http: { path: /health, port: 3000 } }
  - name: api
    image: ghcr.io/acme/api:1
    expose: [9090]
    env: { SELF: "http://api:8080" }
  - name: front
    image: ghcr.io/acme/front:1
    env: { API: "http://api:8080", WEB: "http://web:3000" }
  - name: db
    image: postgres:16
`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const byName = Object.fromEntries(result.blueprint.services.map((s) => [s.name, s]));
    expect(byName.web).toMatchObject({ ports: [3000], exposedPorts: [3000] });
    expect(byName.api).toMatchObject({ ports: [8080, 9090], exposedPorts: [9090], dependsOn: [] });
    expect(byName.front).toMatchObject({ ports: [], exposedPorts: [], dependsOn: ['api', 'web'] });
    expect(byName.db).toMatchObject({ ports: [5432] });
  });

  it('sorts env by name, turns numbers and booleans into strings, and resolves secret refs', async () => {
    const result = await resolve(`name: x
services:
  - name: api
    image: nginx
    env: { B: 2, A: true, C: { secretRef: { name: s, key: k } }, D: { secret: v } }
`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.blueprint.services[0]!.env).toEqual([
      { name: 'A', kind: 'plain', value: 'true' },
      { name: 'B', kind: 'plain', value: '2' },
      { name: 'C', kind: 'secretRef', secretName: 's', secretKey: 'k' },
      { name: 'D', kind: 'secret', value: 'v' },
    ]);
  });

  it('keeps numbers in env as written (1.10 is not 1.1, 0755 is not 755)', async () => {
    const result = await resolve(
      'name: x\nservices:\n  - name: a\n    image: nginx\n    env: { V: 1.10, M: 0755, N: 3 }\n',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.blueprint.services[0]!.env.map((e) => (e.kind === 'plain' ? e.value : ''))).toEqual([
      '0755',
      '3',
      '1.10',
    ]);
  });

  it('reads inline scripts by path and hashes them', async () => {
    const source =
      'name: x\nservices:\n  - name: db\n    image: postgres:16\n    init: { type: sql, script: ./seed.sql }\n';
    const result = await resolve(source, { 'seed.sql': 'SELECT 1;\n' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.blueprint.services[0]!.init[0]).toMatchObject({
      script: './seed.sql',
      content: 'SELECT 1;\n',
      sha256: createHash('sha256').update('SELECT 1;\n').digest('hex'),
    });
    const missing = await resolve(source, {});
    expect(missing.ok).toBe(false);
  });

  it('keeps a "__proto__" key as data', async () => {
    const result = await resolve(
      'name: x\n__proto__: { polluted: true }\nservices:\n  - name: a\n    image: nginx\n',
    );
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('init scripts on disk', () => {
  it('reads scripts next to the blueprint and refuses links that lead outside its directory', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.sql'), 'SELECT 1;');
    const dir = mkdtempSync(join(tmpdir(), 'bp-'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'seed.sql'), 'SELECT 2;');
    symlinkSync(join(outside, 'secret.sql'), join(dir, 'scripts', 'link.sql'));
    const file = join(dir, 'bp.yaml');
    const blueprint = (script: string) =>
      `name: x\nservices:\n  - name: db\n    image: postgres:16\n    init: { type: sql, script: ${script} }\n`;

    writeFileSync(file, blueprint('scripts/seed.sql'));
    const good = await resolveBlueprintFile({ file });
    expect(good.ok && good.blueprint.services[0]!.init[0]).toMatchObject({ content: 'SELECT 2;' });

    writeFileSync(file, blueprint('scripts/link.sql'));
    const linked = await resolveBlueprintFile({ file });
    expect(linked.ok).toBe(false);
    if (!linked.ok) expect(linked.problems[0]!.message).toContain("leads outside the blueprint's directory");
  });
});
