import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkTitle, commentMarker, renderComment } from '../../../../integrations/github/comment.js';
import { pullRequestEnvironmentName } from '../../../../integrations/github/environment-name.js';
import { ImageMapping, imagesFor } from '../../../../integrations/github/image-mapping.js';
import { OctokitPullRequestHost } from '../../../../integrations/github/octokit-host.js';
import { parsePullRequestEvent, repositoryOf } from '../../../../integrations/github/pull-request-event.js';
import { parseSecretsKey, SecretBox } from '../../../../integrations/github/secret-box.js';
import { loadGitHubWorkerConfig } from '../../../../integrations/github/settings.js';
import { signWebhookBody, verifyWebhookSignature } from '../../../../integrations/github/signature.js';
import { pullRequestWorkflowId } from '../../../../workflows/pull-request-contracts.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/github/${name}.json`, import.meta.url), 'utf8');

describe('webhook signature', () => {
  const body = Buffer.from(fixture('pull_request.opened'));
  const secret = 'a-test-webhook-secret-1234';

  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(verifyWebhookSignature({ secret, body, header: signWebhookBody(secret, body) })).toBe(true);
  });

  it("matches the example in GitHub's documentation", () => {
    // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", body "Hello, World!"
    expect(signWebhookBody("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another secret', signWebhookBody('another-secret-000000', body)],
    ['sha1 form', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['truncated', signWebhookBody(secret, body).slice(0, 30)],
    ['upper-case hex', signWebhookBody(secret, body).toUpperCase().replace('SHA256', 'sha256')],
    ['two headers', [signWebhookBody(secret, body), signWebhookBody(secret, body)]],
  ])('refuses a %s signature', (_what, header) => {
    expect(verifyWebhookSignature({ secret, body, header })).toBe(false);
  });

  it('refuses a body changed by one byte', () => {
    const header = signWebhookBody(secret, body);
    const changed = Buffer.from(body);
    changed[10] = changed[10]! ^ 1;
    expect(verifyWebhookSignature({ secret, body: changed, header })).toBe(false);
  });
});

describe('pull_request payloads', () => {
  it('reads the documented opened payload', () => {
    const parsed = parsePullRequestEvent(JSON.parse(fixture('pull_request.opened')), 'd-1');
    expect(parsed).toEqual({
      kind: 'event',
      event: {
        deliveryId: 'd-1',
        action: 'opened',
        repository: 'acme/shop',
        number: 42,
        headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        headRef: 'feature/faster-checkout',
        merged: false,
        installationId: 55501234,
      },
    });
  });

  it.each(['synchronize', 'closed', 'reopened'])('reads %s', (action) => {
    const parsed = parsePullRequestEvent(JSON.parse(fixture(`pull_request.${action}`)), 'd');
    expect(parsed.kind === 'event' && parsed.event.action).toBe(action);
  });

  it('ignores actions it does not act on', () => {
    expect(parsePullRequestEvent(JSON.parse(fixture('pull_request.labeled')), 'd')).toEqual({
      kind: 'ignored',
      reason: 'pull_request action "labeled" is not acted on',
    });
  });

  it('names the missing field of a malformed payload', () => {
    const payload = JSON.parse(fixture('pull_request.opened'));
    payload.pull_request.head.sha = 'not-a-sha';
    expect(parsePullRequestEvent(payload, 'd')).toMatchObject({
      kind: 'invalid',
      field: 'pull_request.head.sha',
    });
    delete payload.repository;
    expect(parsePullRequestEvent(payload, 'd')).toMatchObject({ kind: 'invalid' });
    expect(repositoryOf(payload)).toBeNull();
    expect(repositoryOf({ repository: { full_name: '../../etc' } })).toBeNull();
  });

  it('gives each pull request its own workflow id', () => {
    expect(pullRequestWorkflowId('acme/shop', 42)).toBe('github-pr-acme/shop-42');
    expect(pullRequestWorkflowId('a-b/c', 1)).not.toBe(pullRequestWorkflowId('a/b-c', 1));
  });
});

describe('image mapping', () => {
  const sha = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

  it('renders every placeholder for the mapped services only', () => {
    expect(
      imagesFor({
        mapping: {
          api: 'ghcr.io/org/{service}:pr-{number}-{sha}',
          web: 'ghcr.io/org/web:{branch}-{shortSha}',
        },
        number: 42,
        sha,
        branch: 'Feature/Faster_Checkout!',
      }),
    ).toEqual({
      api: `ghcr.io/org/api:pr-42-${sha}`,
      web: 'ghcr.io/org/web:feature-faster_checkout-6dcb09b',
    });
  });

  it('refuses unknown placeholders and bad service names, naming the field', () => {
    const bad = ImageMapping.safeParse({ api: 'ghcr.io/org/api:{tag}', 'Bad Name': 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['api', 'Bad Name']),
    );
  });

  it('names the environment after the pull request and its repository, within 40 characters', () => {
    expect(pullRequestEnvironmentName('acme/shop', 42)).toBe('pr-42-shop');
    expect(pullRequestEnvironmentName('acme/Shop_Web.UI', 7)).toBe('pr-7-shop-web-ui');
    const long = pullRequestEnvironmentName('acme/a-very-long-repository-name-for-the-storefront', 12345);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^pr-12345-a-very-long-[a-z0-9-]*[a-z0-9]$/);
  });
});

describe('the pull request comment', () => {
  const environment = {
    id: 'e1234567',
    phase: 'ready',
    urls: { web: 'http://web.e1234567.example', api: 'http://api.e1234567.example' },
    plan: [
      { name: 'api', action: 'deploy' as const, reasons: ['image changed: shop-api:1.0 → pr-42'] },
      { name: 'db', action: 'reuse' as const, reasons: ['unchanged'] },
    ],
    services: ['api', 'db'],
    expiresAt: '2026-12-07T19:00:00.000Z',
    error: null,
  };

  it('starts with the hidden marker and shows URLs, plan with reasons, and expiry', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'ready',
      sha: 'abcdef0123',
      environment,
    });
    expect(body.startsWith(commentMarker('acme/shop', 42))).toBe(true);
    expect(body).toContain('is ready');
    expect(body).toContain('`abcdef0`');
    expect(body).toContain('| api | http://api.e1234567.example |');
    expect(body).toContain('1 run here, 1 reused from the baseline');
    expect(body).toContain('| db | reused from baseline | unchanged |');
    expect(body).toContain('Expires 2026-12-07T19:00:00.000Z');
    expect(body.indexOf('| api |')).toBeLessThan(body.indexOf('| web |'));
  });

  it('adds the newest traffic diff as a section of the same comment: verdict, endpoints, top paths', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'ready',
      sha: 'abcdef0123',
      environment,
      diff: {
        runId: 'r-1',
        baseline: 'base1',
        verdict: 'differences',
        compared: 6,
        differing: 2,
        skipped: 1,
        endpoints: [
          { template: 'GET /products', compared: 2, differing: 2 },
          { template: 'GET /carts/{id}', compared: 4, differing: 0 },
        ],
        topPaths: [{ template: 'GET /products', path: '$.products[0].currency', requests: 2 }],
      },
    });
    expect(body.startsWith(commentMarker('acme/shop', 42))).toBe(true);
    expect(body).toContain(
      '**Traffic diff** against `base1`: differences found (6 compared, 2 differing, 1 not sent)',
    );
    expect(body).toContain('| GET /carts/{id} | 4 | 0 |');
    expect(body).toContain('- GET /products `$.products[0].currency` (2 requests)');
    // After the plan, before the expiry.
    expect(body.indexOf('**Plan:**')).toBeLessThan(body.indexOf('**Traffic diff**'));
    expect(body.indexOf('**Traffic diff**')).toBeLessThan(body.indexOf('Expires'));
  });

  it('says every service runs here when there is no baseline', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'ready',
      sha: 'abcdef0123',
      environment: { ...environment, plan: null },
    });
    expect(body).toContain('All 2 services run in this environment');
  });

  it('says the environment was deleted, without URLs', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'deleted',
      sha: 'abcdef0',
      environment,
    });
    expect(body).toContain('was deleted');
    expect(body).not.toContain('http://');
  });

  it('says a closed pull request sleeps and when it is deleted, without URLs', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'closed',
      sha: 'abcdef0',
      environment,
      deleteAt: '2026-12-08T10:00:00.000Z',
    });
    expect(body).toContain('sleeps (pull request closed)');
    expect(body).toContain('deleted at 2026-12-08T10:00:00.000Z unless the pull request is reopened');
    expect(body).not.toContain('http://');
  });

  it('titles a check run by what runs here and what is reused, or by the failure', () => {
    expect(checkTitle(environment)).toBe('Environment ready: 1 service run here, 1 reused from the baseline');
    expect(checkTitle({ ...environment, plan: null })).toBe('Environment ready: 2 services run here');
    expect(checkTitle({ ...environment, phase: 'failed', error: 'image pull failed' })).toBe(
      'Environment failed: image pull failed',
    );
    expect(checkTitle(null)).toBe('Environment missing');
  });

  it('cannot be broken out of by names or errors', () => {
    const body = renderComment({
      repository: 'acme/shop',
      number: 42,
      state: 'failed',
      sha: 'abcdef0',
      error: 'bad <img src=x> | row\nnext',
    });
    expect(body).not.toContain('<img');
    expect(body).toContain('bad &#60;img src=x&#62; &#124; row next');
  });
});

describe('secrets at rest and settings', () => {
  const key = Buffer.alloc(32, 7);

  it('seals a webhook secret bound to its repository', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('the-webhook-secret', 'acme/shop');
    expect(sealed).not.toContain('the-webhook-secret');
    expect(box.open(sealed, 'acme/shop')).toBe('the-webhook-secret');
    expect(box.open(sealed, 'acme/other')).toBeNull();
    expect(new SecretBox(Buffer.alloc(32, 8)).open(sealed, 'acme/shop')).toBeNull();
    expect(box.open('v1.garbage', 'acme/shop')).toBeNull();
  });

  it('names the variable of a bad key, never its value', () => {
    expect(() => parseSecretsKey('c2hvcnQ=', 'MICROSTAX_GITHUB_SECRETS_KEY')).toThrow(
      'MICROSTAX_GITHUB_SECRETS_KEY must be 32 bytes as 64 hex digits or base64 (got 5 bytes)',
    );
  });

  it('is off when nothing is set, and names every missing variable when partly set', () => {
    expect(loadGitHubWorkerConfig({})).toBeNull();
    expect(() => loadGitHubWorkerConfig({ MICROSTAX_GITHUB_TOKEN: 'x' })).toThrow(
      /MICROSTAX_GITHUB_ENVIRONMENTS_URL: required, not set; MICROSTAX_GITHUB_ENVIRONMENTS_TOKEN: required, not set/,
    );
    expect(() =>
      loadGitHubWorkerConfig({
        MICROSTAX_GITHUB_APP_ID: '123',
        MICROSTAX_GITHUB_ENVIRONMENTS_URL: 'http://127.0.0.1:1',
        MICROSTAX_GITHUB_ENVIRONMENTS_TOKEN: 't',
      }),
    ).toThrow(/MICROSTAX_GITHUB_APP_PRIVATE_KEY_FILE: required with MICROSTAX_GITHUB_APP_ID/);
    expect(
      loadGitHubWorkerConfig({
        MICROSTAX_GITHUB_TOKEN: 'tok',
        MICROSTAX_GITHUB_API_URL: 'https://ghe.example/api/v3/',
        MICROSTAX_GITHUB_ENVIRONMENTS_URL: 'http://127.0.0.1:1',
        MICROSTAX_GITHUB_ENVIRONMENTS_TOKEN: 't',
      }),
    ).toMatchObject({
      apiUrl: 'https://ghe.example/api/v3',
      auth: { kind: 'token' },
      statusContext: 'microstax',
    });
  });
});

describe('the check of a head commit with a token', () => {
  it('is a commit status (only GitHub Apps may write check runs): queued and in_progress are pending', async () => {
    const calls: { path: string; body: Record<string, unknown> }[] = [];
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        calls.push({ path: req.url ?? '', body: JSON.parse(text || '{}') });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const host = new OctokitPullRequestHost({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        auth: { kind: 'token', token: 'ghp_test' },
      });
      const pr = { repository: 'acme/shop', number: 42 };
      const sha = 'a'.repeat(40);
      for (const state of ['queued', 'in_progress', 'success'] as const) {
        await host.reportCheck(pr, { sha, state, title: `t ${state}`, name: 'microstax', summary: '| x |' });
      }
      expect(calls.map((c) => c.path)).toEqual(Array(3).fill(`/repos/acme/shop/statuses/${sha}`));
      expect(calls.map((c) => c.body.state)).toEqual(['pending', 'pending', 'success']);
      expect(calls[2]!.body).toMatchObject({ context: 'microstax', description: 't success' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
