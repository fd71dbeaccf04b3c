import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiffReport } from '../../../cli/commands/env-diff.js';

const exec = promisify(execFile);
const cli = path.resolve('bin/microstax.js');

/** `env diff --requests FILE`: a bad file is one error naming the entry, exit 1, before any API call. */
describe('microstax env diff', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-env-diff-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    // An API nobody listens on: a request that reached it would say "unreachable", not name the entry.
    const env = { ...process.env, MICROSTAX_URL: 'http://127.0.0.1:9', MICROSTAX_TOKEN: 'msx_x' };
    return exec(process.execPath, [cli, ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  it('names the malformed entry of a JSON request list and of a HAR file', async () => {
    const list = path.join(dir, 'reqs.json');
    await writeFile(
      list,
      JSON.stringify({
        requests: [
          { service: 'api', method: 'GET', path: '/' },
          { service: 'api', method: 'GET' },
        ],
      }),
    );
    const listRun = await run(['env', 'diff', 'pr-7', '--requests', list, '-o', 'json']);
    expect(listRun.code).toBe(1);
    const document = JSON.parse(listRun.stdout);
    expect(document.error).toMatchObject({ type: 'invalid-input', field: 'requests.1.path' });
    expect(document.error.message).toContain('reqs.json: entry 1 (requests.1.path)');

    const har = path.join(dir, 'x.har');
    await writeFile(
      har,
      JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'not a url' } }] } }),
    );
    const harRun = await run(['env', 'diff', 'pr-7', '--requests', har]);
    expect(harRun.code).toBe(1);
    expect(harRun.stderr).toContain('x.har: entry 0 (log.entries.0.request.url)');

    const missing = await run(['env', 'diff', 'pr-7', '--requests', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('renders a report as a table with each difference and the noise ignored', () => {
    const table = renderDiffReport(
      { branch: 'pr-7', baseline: 'main' },
      {
        verdict: 'differences',
        compared: 2,
        equal: 1,
        differing: 1,
        failed: 0,
        skipped: 1,
        endpoints: [
          {
            template: 'GET /products',
            compared: 2,
            equal: 1,
            differing: 1,
            failed: 0,
            failures: [],
            differences: [{ path: '$.products[0].currency', baseline: null, branch: 'EUR', requests: 1 }],
            noiseIgnored: ['$.requestId'],
          },
        ],
      },
    );
    expect(table).toContain('diff pr-7 against main: differences');
    expect(table).toMatch(/GET \/products\s+2\s+1\s+1\s+0\s+1/);
    expect(table).toContain('$.products[0].currency  baseline (absent)  branch "EUR"  (1 request)');
    expect(table).toContain('noise ignored: $.requestId');
  });
});
