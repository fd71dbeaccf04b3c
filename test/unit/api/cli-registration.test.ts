import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../cli/main.js';

const program = await buildProgram({ all: true });

describe('CLI command tree for the API', () => {
  const names = (path: string[]) => {
    let command = program;
    for (const name of path) command = command.commands.find((c) => c.name() === name)!;
    return command.commands.map((c) => c.name()).sort();
  };

  it('has env, token and api commands', () => {
    expect(names(['env'])).toEqual([
      'apply',
      'capture',
      'create',
      'delete',
      'diff',
      'events',
      'extend',
      'get',
      'list',
      'logs',
      'open',
      'restore',
      'seed',
      'share',
      'sleep',
      'snapshot',
      'url',
      'wait',
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

  it('gives every env and token command -o and --json (but logs, which prints the log text), and every wait --timeout', () => {
    for (const group of ['env', 'token']) {
      const commands = program.commands.find((c) => c.name() === group)!.commands;
      for (const command of commands.filter((c) => c.name() !== 'logs')) {
        const flags = command.options.map((o) => o.long);
        expect(flags, `${group} ${command.name()}`).toEqual(expect.arrayContaining(['--output', '--json']));
        if (flags.includes('--wait') || command.name() === 'wait') expect(flags).toContain('--timeout');
      }
    }
  });
});
