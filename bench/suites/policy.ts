import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadApiConfig } from '../../api/config.js';
import { createApiInstance } from '../../api/instance.js';
import { evaluateCreate } from '../../api/policy-gate.js';
import { TemporalLifecycle } from '../../api/temporal-lifecycle.js';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { readStackEndpoints } from '../../local/stack/endpoints.js';
import { type LayeredPolicy, PolicyDocument } from '../../planner/policy/document.js';
import { evaluatePolicies } from '../../planner/policy/evaluate.js';
import { createApiToken } from '../../store/api-tokens.js';
import { policiesForTeam, setPolicy } from '../../store/policies.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';
import { resolvedService } from '../../test/support/resolved-service.js';
import { workflowIds } from '../../workflows/contracts.js';
import { countingLogStream } from '../line-counter.js';
import { median, percentile } from '../stats.js';
import type { BenchResult, BenchSuite } from '../suite.js';

const EVALUATIONS = 300;
const CREATE_PAIRS = 40;

/** 50 rules: 44 image patterns (the match is last), counts, resources, ttl, labels, baselines, URLs. */
const FIFTY_RULES = PolicyDocument.parse({
  environments: { maxPerTeam: 10_000, maxPerUser: 10_000 },
  resources: { perEnvironment: { cpu: '500', memory: '1Ti' }, perTeam: { cpu: '5000', memory: '10Ti' } },
  ttl: { max: '7d' },
  images: {
    allowed: [...Array.from({ length: 43 }, (_, i) => `registry-${i}.acme.dev/*`), 'ghcr.io/acme/*'],
  },
  labels: { required: ['team'] },
  baselines: { allowed: ['main'] },
  urls: { public: false },
});

const BLUEPRINT = `name: bench-policy
services:
- name: web
  image: ghcr.io/acme/web:1.0
  expose: true
  resources:
    requests: {cpu: 250m, memory: 256Mi}
- name: db
  image: ghcr.io/acme/postgres:16
  volumes:
  - {path: /data, size: 2Gi}
`;

/**
 * What policies cost: the pure evaluation of a 200-service blueprint against 50 rules (target < 50 ms),
 * and a whole create through the API (real Postgres and Temporal) for a team with policies and one
 * without, alternating, side by side.
 */
const suite: BenchSuite = {
  name: 'policy',
  description:
    'policy check of a 200-service blueprint against 50 rules (target < 50 ms); create p50 with and without policies',
  needsStack: true,
  async run(): Promise<BenchResult> {
    // 1. The pure evaluation.
    const blueprint: ResolvedBlueprint = {
      name: 'big',
      routing: 'dns',
      services: Array.from({ length: 200 }, (_, i) =>
        resolvedService({
          name: `svc-${i}`,
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
          volumes: i % 10 === 0 ? [{ path: '/data', size: '1Gi' }] : [],
        }),
      ),
    };
    const policies: LayeredPolicy[] = [
      { layer: 'company', version: 1, document: FIFTY_RULES },
      { layer: 'team', version: 1, document: FIFTY_RULES },
    ];
    const request = {
      action: 'create' as const,
      blueprint,
      ttl: '4h',
      labels: { team: 'bench' },
      usage: {
        teamEnvironments: 10,
        userEnvironments: 2,
        team: { cpu: 4000, memory: 2 ** 33, storage: 2 ** 34 },
      },
    };
    const evaluations: number[] = [];
    for (let i = 0; i < EVALUATIONS; i++) {
      const start = performance.now();
      const verdict = evaluatePolicies({ policies, request });
      evaluations.push(performance.now() - start);
      if (!verdict.allowed)
        throw new Error(`the bench request was refused: ${verdict.violations[0]!.message}`);
    }
    const evaluation = evaluations.slice(20); // JIT warm-up dropped

    // 2. Whole creates through the API, with and without policies.
    const { databaseUrl } = await readStackEndpoints();
    const dbName = `mstx_bench_policy_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${dbName}`;
    const lifecycle = await TemporalLifecycle.connect({ taskQueue: `bench-policy-${randomUUID()}` });
    const app = await createApiInstance({
      config: loadApiConfig(
        {},
        { databaseUrl: url.toString(), logLevel: 'warn', rateLimitPerMinute: 10_000_000 },
      ),
      lifecycle,
      statusSync: false,
      logStream: countingLogStream().stream,
    });
    const started: string[] = [];
    try {
      await app.ready();
      const tokens: Record<string, string> = {};
      for (const team of ['free', 'governed']) {
        await ensureTeam(app.db, { id: team });
        const user = await upsertUser(app.db, { name: `bench-${team}`, teamId: team, role: 'member' });
        tokens[team] = (await createApiToken(app.db, { userId: user.id })).token;
      }
      const changedBy = {
        id: (await upsertUser(app.db, { name: 'bench-admin', teamId: 'free', role: 'admin' })).id,
        name: 'bench-admin',
      };
      const createOne = async (team: string): Promise<number> => {
        const start = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/v1/environments',
          headers: { authorization: `Bearer ${tokens[team]}` },
          payload: { blueprint: { source: BLUEPRINT, fileName: 'bench.yaml' }, ttl: '1h', labels: { team } },
        });
        const elapsed = performance.now() - start;
        if (response.statusCode !== 201)
          throw new Error(`create failed: ${response.statusCode} ${response.body}`);
        started.push((JSON.parse(response.body) as { id: string }).id);
        return elapsed;
      };
      // "free" has no policy at all (nor the company); "governed" has 50 rules (no baselines rule: no branches here).
      await setPolicy(app.db, {
        scope: { layer: 'team', teamId: 'governed' },
        document: { ...FIFTY_RULES, baselines: undefined },
        changedBy,
      });
      const free: number[] = [];
      const governed: number[] = [];
      for (let i = 0; i < 5; i++) {
        await createOne('free');
        await createOne('governed');
      }
      for (let i = 0; i < CREATE_PAIRS; i++) {
        // Alternate which goes first, so a drift in the machine's load hits both alike.
        if (i % 2) {
          free.push(await createOne('free'));
          governed.push(await createOne('governed'));
        } else {
          governed.push(await createOne('governed'));
          free.push(await createOne('free'));
        }
      }
      // The gate alone on the same database: policies read, usage counted, rules evaluated.
      const gate: number[] = [];
      const user = {
        kind: 'user' as const,
        via: 'token' as const,
        tokenId: 'x',
        userId: changedBy.id,
        userName: 'bench-admin',
        teamId: 'governed',
        role: 'member' as const,
      };
      const resolvedSmall = {
        name: 'bench-policy',
        routing: 'dns' as const,
        services: blueprint.services.slice(0, 2),
      };
      for (let i = 0; i < 100; i++) {
        const start = performance.now();
        const teamPolicies = await policiesForTeam(app.db, 'governed');
        await evaluateCreate({
          db: app.db,
          policies: teamPolicies,
          teamId: 'governed',
          user,
          facts: { blueprint: resolvedSmall, ttl: '1h', labels: { team: 'x' } },
        });
        gate.push(performance.now() - start);
      }
      const p50 = (values: number[]) => Number(median(values).toFixed(3));
      const evaluationP50 = p50(evaluation);
      const freeP50 = p50(free);
      const governedP50 = p50(governed);
      return {
        metrics: {
          evaluationServices: 200,
          evaluationRulesPerLayer: 50,
          evaluationLayers: 2,
          evaluationP50Ms: evaluationP50,
          evaluationP99Ms: Number(percentile(evaluation, 99).toFixed(3)),
          createPairs: CREATE_PAIRS,
          createWithoutPoliciesP50Ms: freeP50,
          createWithPoliciesP50Ms: governedP50,
          createRatio: Number((governedP50 / freeP50).toFixed(3)),
          createDifferenceP50Ms: Number((governedP50 - freeP50).toFixed(3)),
          gateP50Ms: p50(gate),
          gateP99Ms: Number(percentile(gate, 99).toFixed(3)),
        },
        targets: [
          {
            what: 'policy check, 200-service blueprint against 50 rules (x2 layers), p50',
            target: '< 50 ms',
            measured: `${evaluationP50} ms (p99 ${percentile(evaluation, 99).toFixed(3)} ms)`,
            met: evaluationP50 < 50,
          },
          {
            what: 'create p50 with policies vs without (same run, alternating)',
            target: 'reported',
            measured: `${governedP50} ms vs ${freeP50} ms (${(governedP50 / freeP50).toFixed(2)}x); the gate alone p50 ${p50(gate)} ms`,
            met: true,
          },
        ],
      };
    } finally {
      await terminate(started);
      await app.close();
      await lifecycle.close();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  },
};

/** Ends the bench's workflows: no worker polls their task queue, nothing reached the cluster. */
async function terminate(ids: string[]): Promise<void> {
  const { createTemporalClient } = await import('../../temporal/client.js');
  const temporal = await createTemporalClient({});
  try {
    for (const id of ids) {
      await temporal.client.workflow
        .getHandle(workflowIds.environment(id))
        .terminate('bench cleanup')
        .catch(() => {});
    }
  } finally {
    await temporal.close();
  }
}

export default suite;
