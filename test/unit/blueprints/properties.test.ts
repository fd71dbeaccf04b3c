import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderBlueprintJson, resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { resolvedToBlueprint } from '../../../blueprints/to-blueprint.js';

/**
 * Property tests. Blueprints are generated as DAGs (a service only names services listed after it),
 * with URLs, bare host:port values, secrets, secret refs, init scripts, volumes and health checks.
 */
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/);
const port = fc.integer({ min: 1, max: 65535 });

const serviceArb = (name: string, later: string[]) =>
  fc
    .record(
      {
        name: fc.constant(name),
        image: fc.constantFrom(
          'nginx:1.27',
          'postgres:16-alpine',
          'ghcr.io/acme/api:1.0',
          'redis:7',
          'busybox',
        ),
        ports: fc.uniqueArray(port, { minLength: 1, maxLength: 3 }),
        expose: fc.constantFrom<'first' | 'all' | boolean>(true, false, 'first', 'all'),
        replicas: fc.integer({ min: 0, max: 5 }),
        isolation: fc.constantFrom('isolated', 'shared'),
        stateful: fc.boolean(),
        args: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
        env: fc.dictionary(
          envName,
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.integer(),
            fc.boolean(),
            later.length > 0
              ? fc.tuple(fc.constantFrom(...later), port).map(([host, p]) => `http://${host}:${p}/x`)
              : fc.constant('plain'),
            later.length > 0
              ? fc.tuple(fc.constantFrom(...later), port).map(([h, p]) => `${h}:${p}`)
              : fc.constant('x'),
            fc.constant('postgres://user:pw@elsewhere.example.com:5432/db'),
            fc.constant('https://hooks.example.com/in?token=t0k3n'),
            fc.record({ secret: fc.string({ maxLength: 10 }) }),
            fc.record({ value: fc.string({ maxLength: 10 }), secret: fc.boolean() }),
            fc.record({
              value: fc.constant('postgres://u:pw@elsewhere.example.com/db'),
              secret: fc.constant(false),
            }),
            fc.record({ secretRef: fc.record({ name: label, key: label }) }),
          ),
          { maxKeys: 5 },
        ),
        dependsOn: later.length > 0 ? fc.subarray(later) : fc.constant([]),
        volumes: fc.array(
          fc.record({ path: fc.constantFrom('/data', '/var/lib/x'), size: fc.constantFrom('1Gi', '512Mi') }),
          {
            maxLength: 1,
          },
        ),
        healthCheck: fc.oneof(
          fc.record({
            http: fc.record({ path: fc.constantFrom('/', '/healthz') }),
            periodSeconds: fc.integer({ min: 1, max: 30 }),
          }),
          fc.record({ tcp: fc.record({ port }) }),
        ),
        init: fc.constant({ type: 'sql', script: `scripts/${name}.sql` }),
      },
      { requiredKeys: ['name', 'image'] },
    )
    // Exposed ports must be declared ports, when ports are declared.
    .map(({ expose, ...service }) => {
      if (typeof expose === 'boolean') return { ...service, expose };
      if (expose === undefined) return service;
      const ports = service.ports ?? [8080, 9090];
      return { ...service, expose: expose === 'first' ? ports[0]! : ports };
    });

const blueprintArb = fc
  .uniqueArray(label, { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc
      .tuple(
        label,
        fc.constantFrom('dns', 'header'),
        fc.tuple(...names.map((name, i) => serviceArb(name, names.slice(i + 1)))),
      )
      .map(([name, routing, services]) => ({ name, routing, services })),
  );

const scriptsFor = (blueprint: { services: { name: string }[] }) =>
  Object.fromEntries(blueprint.services.map((s) => [`scripts/${s.name}.sql`, `SELECT '${s.name}';\n`]));

describe('blueprint properties', () => {
  it('valid blueprints survive render -> YAML -> render unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArb, async (blueprint) => {
        const scripts = scriptsFor(blueprint);
        const first = await resolveBlueprintSource({
          source: stringify(blueprint),
          fileName: 'a.yaml',
          scripts,
        });
        if (!first.ok) throw new Error(JSON.stringify(first.problems));
        const written = resolvedToBlueprint(first.blueprint);
        const second = await resolveBlueprintSource({
          source: stringify(written.blueprint),
          fileName: 'b.yaml',
          scripts: written.scripts,
        });
        if (!second.ok) throw new Error(JSON.stringify(second.problems));
        expect(renderBlueprintJson(second).blueprint).toEqual(renderBlueprintJson(first).blueprint);
        expect(second.graph).toEqual(first.graph);
      }),
      { numRuns: 150 },
    );
  });

  it('random mutations never crash the validator: accepted, or rejected with located messages', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          ':',
          '- ',
          '\n',
          '  ',
          '{',
          '[',
          '&a ',
          '*a',
          '"',
          '#',
          '---\n',
          '$remove: true',
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        blueprintArb,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (blueprint, edits) => {
          let source = stringify(blueprint);
          for (const edit of edits) {
            const at = edit.at % (source.length + 1);
            source =
              edit.kind === 'delete'
                ? source.slice(0, at) + source.slice(at + 1)
                : source.slice(0, at) + edit.text + source.slice(at);
          }
          const lines = source.split('\n').length;
          const result = await resolveBlueprintSource({
            source,
            fileName: 'm.yaml',
            scripts: scriptsFor(blueprint),
          });
          if (result.ok) return;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.message.length).toBeGreaterThan(0);
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lines + 1);
            expect(problem.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
