import { describe, expect, it } from 'vitest';
import { PARSE_LIMITS } from '../../../blueprints/limits.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';

const problemsOf = async (source: string) => {
  const result = await resolveBlueprintSource({ source, fileName: 'big.yaml' });
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
};

describe('parse limits', () => {
  it('rejects files over the size limit before parsing them', async () => {
    const source = `name: x\ndescription: "${'a'.repeat(PARSE_LIMITS.maxFileBytes)}"\nservices: []\n`;
    expect(await problemsOf(source)).toEqual([
      `1:1: file is ${Buffer.byteLength(source)} bytes; the limit is ${PARSE_LIMITS.maxFileBytes} bytes (split it or use overlays)`,
    ]);
  });

  it('rejects nesting deeper than the limit', async () => {
    const depth = PARSE_LIMITS.maxDepth + 5;
    const source = `name: x\nservices: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const problems = await problemsOf(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`nesting is deeper than ${PARSE_LIMITS.maxDepth} levels`);
  });

  it('rejects alias expansion beyond the node limit even with few aliases', async () => {
    // 110 expansions of a 5,000-item list: small text, 550,000 nodes once expanded.
    const items = Array.from({ length: 5000 }, () => 'x').join(', ');
    const ten = (alias: string) => `[${Array.from({ length: 10 }, () => `*${alias}`).join(', ')}]`;
    const source = `a0: &a0 [${items}]\na1: &a1 ${ten('a0')}\na2: ${ten('a1')}\n`;
    const problems = await problemsOf(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`file expands to more than ${PARSE_LIMITS.maxNodes} YAML nodes`);
  });

  it('rejects too many alias expansions', async () => {
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const problems = await problemsOf(`${lines.join('\n')}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`file expands more than ${PARSE_LIMITS.maxAliases} YAML aliases`);
  });

  it('rejects complex map keys', async () => {
    expect(await problemsOf('? [a, b]\n: 1\n')).toEqual(['1:3: map keys must be plain strings']);
  });
});

describe('hostile input', () => {
  it('validates long names, images, env values and globs in linear time', async () => {
    const long = 'a'.repeat(200_000);
    const source = [
      `name: ${long}-`,
      'services:',
      `  - name: ${long}-`,
      `    image: ${'a-'.repeat(100_000)}`,
      '    env:',
      `      A: ${'a'.repeat(200_000)}`,
      `      B: "${'a://:'.repeat(40_000)}"`,
      `      C: ${'a1-'.repeat(60_000)}:`,
    ].join('\n');
    const overlay = {
      fileName: 'o.yaml',
      source: `layer: user\nappliesTo: { context: { branch: "${'*a'.repeat(30)}b" } }\n`,
    };
    const started = performance.now();
    const result = await resolveBlueprintSource({
      source,
      fileName: 'h.yaml',
      overlays: [overlay],
      context: { branch: 'a'.repeat(5_000) },
    });
    expect(result.ok).toBe(false);
    // Generous bound for a loaded machine; a quadratic pattern would take minutes here.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
