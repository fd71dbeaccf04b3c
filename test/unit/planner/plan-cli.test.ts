import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** End-to-end: `microstax plan` as users run it, on fixture blueprints (pure: no servers involved). */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = 'test/unit/planner/fixtures';
const shop = `${fixtures}/shop`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function plan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/microstax.js', 'plan', ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Each CLI start transpiles the command tree, which is slow on a busy machine: start every run at
// once, then check the results.
const runs: Record<string, Run> = {};
beforeAll(async () => {
  const base = ['--baseline', `${shop}/baseline.yaml`];
  const branch = ['--branch', `${shop}/branch-api.yaml`];
  const started = {
    json: plan(...base, ...branch, '--json'),
    formatting: plan(...base, '--branch', `${shop}/formatting-only.yaml`, '--json'),
    table: plan(...base, ...branch),
    invalid: plan('--baseline', `${shop}/nope.yaml`, '--branch', `${shop}/invalid.yaml`, '--json'),
    usage: plan(...base),
    placement: plan(...base, ...branch, '--json', '--placement', '--pools', `${fixtures}/pools.yaml`),
    badPools: plan(...base, ...branch, '--placement', '--pools', `${shop}/baseline.yaml`),
    defaultPools: plan(...base, ...branch, '--json', '--placement'),
  };
  for (const [name, run] of Object.entries(started)) runs[name] = await run;
}, 180_000);

describe('microstax plan', () => {
  it('--json prints the exact contract: services with action and reasons, and the summary', () => {
    const run = runs.json!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['services', 'summary']);
    expect(output.summary).toEqual({ deploy: 1, fork: 3, reuse: 1, removed: ['search'] });
    expect(output.services.map((s: { name: string; action: string }) => [s.name, s.action])).toEqual([
      ['web', 'fork'],
      ['api', 'deploy'],
      ['worker', 'fork'],
      ['db', 'fork'],
      ['cache', 'reuse'],
    ]);
    for (const s of output.services) expect(Object.keys(s)).toEqual(['name', 'action', 'reasons']);
    expect(output.services[1].reasons).toContain('changed env.LOG_LEVEL: "info" -> "debug"');
    // Secret values never appear, old or new.
    expect(run.stdout).not.toContain('s3cret-pass');
    expect(run.stdout).not.toContain('n3w-pass');
  });

  it('plans a formatting-only rewrite as all reuse', () => {
    const run = runs.formatting!;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ deploy: 0, fork: 0, reuse: 6, removed: [] });
  });

  it('prints a readable table explaining where each service runs', () => {
    const run = runs.table!;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^api\s+deploy\s+branch \(new build\)\s+changed image/m);
    expect(run.stdout).toMatch(/^cache\s+reuse\s+baseline \(shared\)/m);
    expect(run.stdout).toContain('removed in the branch: search');
  });

  it('exits 1 with the errors of both inputs (FILE:LINE:COL) when they are invalid or missing', () => {
    const run = runs.invalid!;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/invalid\.yaml:5:\d+: .*replicas/);
    expect(run.stderr).toMatch(/nope\.yaml:1:1: /);
  });

  it('exits 2 when a required option is missing', () => {
    expect(runs.usage!.code).toBe(2);
    expect(runs.usage!.stderr).toContain('--branch');
  });

  it('--placement adds the cost plan, with naive and proven-optimal costs', () => {
    const run = runs.placement!;
    expect(run.code).toBe(0);
    const { placement } = JSON.parse(run.stdout);
    expect(placement.services.map((s: { service: string }) => s.service)).toEqual([
      'web',
      'api',
      'worker',
      'db',
    ]);
    const db = placement.services.find((s: { service: string }) => s.service === 'db');
    expect(db.capacityType).toBe('on-demand');
    expect(placement.hourlyCost).toBeLessThanOrEqual(placement.naiveHourlyCost);
    expect(placement.optimalHourlyCost).toBe(placement.hourlyCost);
  });

  it('--placement reports a bad pools file by line and field', () => {
    const run = runs.badPools!;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/baseline\.yaml:\d+:\d+: /);
  });

  it("--placement without --pools places on the local stack's node pools file", () => {
    const run = runs.defaultPools!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).placement.services.length).toBeGreaterThan(0);
  });
});
