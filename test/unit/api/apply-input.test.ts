import { describe, expect, it } from 'vitest';
import { parseSet, setsAsOverlay } from '../../../api/blueprint-sets.js';
import { ApiError } from '../../../api/errors.js';
import { parseLabelSelector } from '../../../api/label-selector.js';
import { ApplyEnvironmentBody, EnvironmentName, Labels } from '../../../api/schemas/apply.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { checkoutDev } from '../deploy/fixtures.js';

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('apply input: --set', () => {
  it('parses images and env values (values may hold "=" and dots)', () => {
    expect(parseSet('api.image=ghcr.io/acme/checkout-api:2.0', 0)).toEqual({
      service: 'api',
      field: 'image',
      value: 'ghcr.io/acme/checkout-api:2.0',
    });
    expect(parseSet('api.env.FEATURE.FLAG=a=b', 1)).toEqual({
      service: 'api',
      field: 'env',
      key: 'FEATURE.FLAG',
      value: 'a=b',
    });
  });

  it.each([
    ['api.image', 'no "="'],
    ['api=foo', 'names neither'],
    ['api.replicas=3', 'names neither'],
    ['API.image=x', 'not a service name'],
    ['api.image=', 'the image is empty'],
    ['api.env.1BAD=x', 'not an environment variable name'],
    ['.image=x', 'not a service name'],
  ])('refuses %s with a 400 naming the entry', (text, why) => {
    const error = apiError(() => parseSet(text, 3));
    expect(error.statusCode).toBe(400);
    expect(error.field).toBe('body.set.3');
    expect(error.message).toContain(why);
  });

  it('an unknown service is a 422 listing the services there are', () => {
    const error = apiError(() => setsAsOverlay({ sets: ['nope.image=x:1'], blueprint: checkoutDev() }));
    expect(error.statusCode).toBe(422);
    expect(error.field).toBe('body.set.0');
    expect(error.message).toContain('has no service "nope" (it has api, db, cache)');
  });

  it('becomes a user-layer overlay that the resolver applies last', async () => {
    const overlay = setsAsOverlay({
      sets: ['api.image=ghcr.io/acme/checkout-api:2.0', 'api.env.LOG_LEVEL=debug', 'api.env.QUOTE="x"'],
      blueprint: checkoutDev(),
    })!;
    const resolved = await resolveBlueprintSource({
      source: 'name: shop\nservices:\n- name: api\n  image: ghcr.io/acme/checkout-api:1.0\n  env: {A: "1"}\n',
      fileName: 'shop.yaml',
      overlays: [overlay],
    });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
    const api = resolved.blueprint.services[0]!;
    expect(api.image).toBe('ghcr.io/acme/checkout-api:2.0');
    expect(Object.fromEntries(api.env.map((v) => [v.name, 'value' in v ? v.value : '']))).toEqual({
      A: '1',
      LOG_LEVEL: 'debug',
      QUOTE: '"x"',
    });
  });

  it('no sets, no overlay', () => {
    expect(setsAsOverlay({ sets: [], blueprint: checkoutDev() })).toBeUndefined();
  });
});

describe('apply input: names and labels', () => {
  it.each(['pr-42', 'abc', 'feature-login-page'])('accepts the name %s', (name) => {
    expect(EnvironmentName.safeParse(name).success).toBe(true);
  });
  it.each(['PR-42', 'pr_42', '42-pr', 'pr-', 'ab', 'e0123456789ab', 'a'.repeat(41), 'pr.42'])(
    'refuses the name %s',
    (name) => {
      expect(EnvironmentName.safeParse(name).success).toBe(false);
    },
  );

  it('checks label keys and values as Kubernetes does, naming the key', () => {
    expect(Labels.safeParse({ pr: '42', 'example.com/sha': 'abc_1.2', empty: '' }).success).toBe(true);
    for (const bad of [
      { 'bad key': 'x' },
      { pr: 'has space' },
      { pr: '-leading' },
      { 'a/b/c': 'x' },
      { 'Upper.Com/x': 'y' },
      { 'microstax.dev/x': 'y' },
      { pr: 'v'.repeat(64) },
    ]) {
      const result = Labels.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
    }
    const result = Labels.safeParse({ pr: 'has space' });
    expect(result.error?.issues[0]?.path).toEqual(['pr']);
  });

  it('refuses more than 32 labels and unknown fields', () => {
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    expect(Labels.safeParse(many).success).toBe(false);
    expect(
      ApplyEnvironmentBody.safeParse({ name: 'pr-1', blueprint: { name: 'x' }, extra: true }).success,
    ).toBe(false);
  });
});

describe('apply input: label selectors', () => {
  it('parses every requirement form', () => {
    expect(parseLabelSelector('pr=42,env==qa,tier!=web,app in (shop, cart),x notin (a),draft,!old')).toEqual([
      { key: 'pr', op: '=', value: '42' },
      { key: 'env', op: '=', value: 'qa' },
      { key: 'tier', op: '!=', value: 'web' },
      { key: 'app', op: 'in', values: ['shop', 'cart'] },
      { key: 'x', op: 'notin', values: ['a'] },
      { key: 'draft', op: 'exists' },
      { key: 'old', op: '!exists' },
    ]);
  });

  it.each(['pr=42,', 'bad key=1', 'pr=has space', 'a in b', '=x', 'a=b=c'])(
    'refuses %s with a 400 on query.labelSelector',
    (selector) => {
      const error = apiError(() => parseLabelSelector(selector));
      expect(error.statusCode).toBe(400);
      expect(error.field).toBe('query.labelSelector');
    },
  );
});
