import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../cli/main.js';

describe('CLI command tree for the API', () => {
  const program = buildProgram();
  const names = (path: string[]) => {
    let command = program;
    for (const name of path) command = command.commands.find((c) => c.name() === name)!;
    return command.commands.map((c) => c.name()).sort();
  };

  it('has env, token and api commands', () => {
    expect(names(['env'])).toEqual([
      'apply',
      'create',
      'delete',
      'extend',
      'get',
      'list',
      'restore',
      'seed',
      'share',
      'sleep',
      'snapshot',
      'wake',
    ]);
    expect(names(['token'])).toEqual(['create', 'list', 'revoke']);
    expect(program.commands.some((c) => c.name() === 'api')).toBe(true);
  });

  it('groups validate, render and plan under blueprint with the same options as the top-level commands', () => {
    expect(names(['blueprint'])).toEqual(['plan', 'render', 'validate']);
    for (const name of ['validate', 'render', 'plan']) {
      const top = program.commands.find((c) => c.name() === name)!;
      const grouped = program.commands
        .find((c) => c.name() === 'blueprint')!
        .commands.find((c) => c.name() === name)!;
      expect(grouped.options.map((o) => o.flags)).toEqual(top.options.map((o) => o.flags));
    }
  });

  it('gives every env command --json', () => {
    const env = program.commands.find((c) => c.name() === 'env')!;
    for (const command of env.commands) expect(command.options.map((o) => o.long)).toContain('--json');
  });
});
