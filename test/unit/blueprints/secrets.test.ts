import { describe, expect, it } from 'vitest';
import { renderBlueprintJson, resolveBlueprintSource } from '../../../blueprints/resolve.js';
import {
  hasCredentialInValue,
  isCredentialName,
  looksSecret,
  maskSecret,
  SECRET_MARKER,
} from '../../../blueprints/secrets.js';
import { resolvedToBlueprint } from '../../../blueprints/to-blueprint.js';

describe('credential names', () => {
  it.each([
    'POSTGRES_PASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'DB_PASSWD',
    'DB_PASS',
    'SMTP_PASS',
    'DB_PWD',
    'REDIS_PW',
    'GPG_PASSPHRASE',
    'CLIENT_SECRET',
    'JWT_SECRET_KEY',
    'SECRETS_JSON',
    'SECRET',
    'SECRETKEY',
    'DJANGO_SECRETKEY_FILE',
    'GITHUB_TOKEN',
    'AUTHTOKEN',
    'SLACK_BOT_TOKENS',
    'STRIPE_API_KEY',
    'SENDGRID_APIKEY',
    'x-api-key',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'TLS_PRIVATE_KEY',
    'SIGNING_KEY',
    'ENCRYPTION_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DB_CREDENTIAL',
    'dbPassword',
    'apiKey',
    'accessToken',
    'spring.datasource.password',
  ])('%s is a credential name', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each([
    'PASSTHROUGH',
    'BYPASS_CACHE',
    'COMPASS_URL',
    'PASSPORT_STRATEGY',
    'PWD',
    'OLDPWD',
    'TOKENIZER_MODEL',
    'KEYCLOAK_REALM',
    'CACHE_KEY_PREFIX',
    'PRIMARY_KEY',
    'PUBLIC_KEY_URL',
    'KEY',
    'LOG_LEVEL',
    'PASSWORDLESS_LOGIN',
  ])('%s is not a credential name', (name) => {
    expect(isCredentialName(name)).toBe(false);
  });

  it('an empty value of a credential-named variable is not a secret (nothing to hide)', () => {
    expect(looksSecret({ name: 'DB_PASSWORD', value: '' })).toBe(false);
    expect(looksSecret({ name: 'DB_PASSWORD', value: 'x' })).toBe(true);
  });
});

describe('credentials in values', () => {
  it.each([
    ['postgres://u:p4ss@db:5432/x', `postgres://u:${SECRET_MARKER}@db:5432/x`],
    ['redis://:p4ss@cache:6379', `redis://:${SECRET_MARKER}@cache:6379`],
    ['amqp://guest:guest@mq/vhost', `amqp://guest:${SECRET_MARKER}@mq/vhost`],
    ['https://api.example.com/v1?token=abc123&x=1', `https://api.example.com/v1?token=${SECRET_MARKER}&x=1`],
    ['http://svc/path?user=u&password=p4ss', `http://svc/path?user=u&password=${SECRET_MARKER}`],
    ['http://svc/?PWD=p4ss#frag', `http://svc/?PWD=${SECRET_MARKER}#frag`],
    [
      'jdbc:postgresql://db:5432/app?user=app&password=p4ss&ssl=true',
      `jdbc:postgresql://db:5432/app?user=app&password=${SECRET_MARKER}&ssl=true`,
    ],
    ['jdbc:mysql://app:p4ss@db:3306/app', `jdbc:mysql://app:${SECRET_MARKER}@db:3306/app`],
    [
      'jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=p4ss',
      `jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${SECRET_MARKER}`,
    ],
    ['jdbc:oracle:thin:scott/tiger@db:1521/XE', `jdbc:oracle:thin:scott/${SECRET_MARKER}@db:1521/XE`],
  ])('%s has a credential, masked as %s', (value, masked) => {
    expect(hasCredentialInValue(value)).toBe(true);
    expect(looksSecret({ name: 'SOME_URL', value })).toBe(true);
    expect(maskSecret(value)).toBe(masked);
    expect(maskSecret(value)).not.toContain('p4ss');
  });

  it.each([
    'postgres://u@db/x',
    'http://host:8080/path',
    'http://svc/?bypass=1&compass=north',
    'jdbc:postgresql://db:5432/app?user=app',
    'user@example.com',
    'hello: world',
  ])('%s has none', (value) => {
    expect(hasCredentialInValue(value)).toBe(false);
  });

  it('masks a value without a credential shape whole', () => {
    expect(maskSecret('hunter2')).toBe(SECRET_MARKER);
  });

  it('stays fast on hostile input', () => {
    const hostile = `a://${':'.repeat(50_000)}${'a'.repeat(50_000)}?password=${'&'.repeat(50_000)}`;
    const started = performance.now();
    hasCredentialInValue(hostile);
    maskSecret(hostile);
    isCredentialName(`${'A_'.repeat(50_000)}PASS`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('blueprint marks: {value, secret}', () => {
  const source = `
name: marks
services:
  - name: api
    image: ghcr.io/acme/api:1
    env:
      FEATURE_FLAGS: { value: "beta-7f3a", secret: true }
      PASSWORD_POLICY: { value: "min-12", secret: false }
      RETRIES: { value: 3, secret: true }
      DB_PASS: hunter2
      BYPASS_CACHE: "true"
`;

  it('secret: true makes any value a secret; secret: false overrides detection', async () => {
    const result = await resolveBlueprintSource({ source, fileName: 'marks.yaml' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const env = Object.fromEntries(result.blueprint.services[0]!.env.map((v) => [v.name, v]));
    expect(env.FEATURE_FLAGS).toEqual({ name: 'FEATURE_FLAGS', kind: 'secret', value: 'beta-7f3a' });
    expect(env.PASSWORD_POLICY).toEqual({ name: 'PASSWORD_POLICY', kind: 'plain', value: 'min-12' });
    expect(env.RETRIES).toEqual({ name: 'RETRIES', kind: 'secret', value: '3' });
    expect(env.DB_PASS?.kind).toBe('secret');
    expect(env.BYPASS_CACHE?.kind).toBe('plain');

    const shown = JSON.stringify(renderBlueprintJson(result));
    for (const secret of ['beta-7f3a', 'hunter2']) expect(shown).not.toContain(secret);
    expect(shown).toContain('min-12');
  });

  it('writing a resolved blueprint back keeps the marks (resolving it again gives the same)', async () => {
    const result = await resolveBlueprintSource({ source, fileName: 'marks.yaml' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { blueprint } = resolvedToBlueprint(result.blueprint);
    expect(blueprint.services[0]!.env!.PASSWORD_POLICY).toEqual({ value: 'min-12', secret: false });
  });

  it('rejects a mark that is not a boolean, naming the field', async () => {
    const result = await resolveBlueprintSource({
      source:
        'name: x\nservices:\n  - name: api\n    image: a:1\n    env:\n      A: { value: v, secret: "yes" }\n',
      fileName: 'x.yaml',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toContain('env.A');
  });
});

describe('secretRef names', () => {
  it.each([
    ['{ name: "../etc", key: k }', 'services.0.env.A.secretRef.name'],
    ['{ name: "Payments", key: k }', 'services.0.env.A.secretRef.name'],
    ['{ name: payments, key: "a/b" }', 'services.0.env.A.secretRef.key'],
    [`{ name: ${'a'.repeat(300)}, key: k }`, 'services.0.env.A.secretRef.name'],
  ])('refuses %s, naming the field', async (ref, path) => {
    const result = await resolveBlueprintSource({
      source: `name: x\nservices:\n  - name: api\n    image: a:1\n    env:\n      A: { secretRef: ${ref} }\n`,
      fileName: 'x.yaml',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
});
