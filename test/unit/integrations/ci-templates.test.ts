import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../../cli/main.js';

interface Action {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: { id?: string; env?: Record<string, string>; run: string }[] };
}

const program = await buildProgram({ all: true });
const envCommand = (name: string): Command =>
  program.commands.find((c) => c.name() === 'env')!.commands.find((c) => c.name() === name)!;
const flagsOf = (command: Command) => new Set(command.options.flatMap((o) => [o.long, o.short]));

/** Every `--flag` a shell line passes to `microstax env <command>`. */
const flagsUsed = (text: string, command: string) =>
  [...text.matchAll(new RegExp(`env ${command}[^\\n]*`, 'g'))].flatMap(([line]) =>
    [...line.matchAll(/\s(--[a-z-]+|-[a-z])\b/g)].map(([, flag]) => flag!),
  );

describe('the GitHub Action and the GitLab template call the CLI as it is', async () => {
  const action = parse(await readFile('integrations/ci/action.yml', 'utf8')) as Action;
  const gitlab = await readFile('integrations/ci/microstax.gitlab-ci.yml', 'utf8');
  const apply = envCommand('apply');

  it('maps every action input named after a flag to a flag env apply has', () => {
    const named = Object.entries(action.inputs).flatMap(([input, { description }]) =>
      [...description.matchAll(/`(--[a-z-]+)`/g)].map(([, flag]) => ({ input, flag: flag! })),
    );
    expect(named.map((n) => n.input).sort()).toEqual(
      ['branch-of', 'labels', 'set', 'timeout', 'ttl', 'wait'].sort(),
    );
    for (const { input, flag } of named) expect(flagsOf(apply), `${input} → ${flag}`).toContain(flag);
    const script = action.runs.steps.find((step) => step.id === 'apply')!;
    for (const flag of flagsUsed(script.run, 'apply')) expect(flagsOf(apply), flag).toContain(flag);
  });

  it('passes every input to the script through the environment, never spliced into it', () => {
    const script = action.runs.steps.find((step) => step.id === 'apply')!;
    expect(script.run).not.toContain('${{');
    for (const input of Object.keys(action.inputs).filter((name) => name !== 'cli')) {
      const variable = Object.entries(script.env!).find(([, value]) => value === `\${{ inputs.${input} }}`);
      expect(variable, input).toBeDefined();
      if (!variable![0].startsWith('MICROSTAX_')) expect(script.run).toContain(`$${variable![0]}`);
    }
    expect(Object.keys(action.outputs).sort()).toEqual(['created', 'id', 'urls']);
    for (const [name, { value }] of Object.entries(action.outputs))
      expect(value).toBe(`\${{ steps.apply.outputs.${name} }}`);
  });

  it('uses only flags env apply and env delete have in the GitLab template', () => {
    for (const flag of flagsUsed(gitlab, 'apply')) expect(flagsOf(apply), flag).toContain(flag);
    for (const flag of flagsUsed(gitlab, 'delete'))
      expect(flagsOf(envCommand('delete')), flag).toContain(flag);
    expect(flagsUsed(gitlab, 'apply')).toEqual(expect.arrayContaining(['--name', '--wait', '-o']));
  });
});
