import { describe, expect, it } from 'vitest';
import { COMMANDS, targetCommand } from '../../../cli/commands/index.js';
import { buildProgram } from '../../../cli/main.js';

describe('lazy command loading', () => {
  it('lists every command by its summary without loading any (what --version and --help see)', async () => {
    const program = await buildProgram({ args: ['--version'] });
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    for (const command of program.commands) expect(command.commands).toEqual([]);
  });

  it('loads in full only the command that runs', async () => {
    const program = await buildProgram({ args: ['env', 'list', '-o', 'json'] });
    const loaded = program.commands.filter((c) => c.commands.length > 0).map((c) => c.name());
    expect(loaded).toEqual(['env']);
  });

  it("gives each summary the command's own description", async () => {
    const program = await buildProgram({ all: true });
    for (const entry of COMMANDS) {
      expect(program.commands.find((c) => c.name() === entry.name)?.description()).toBe(entry.summary);
    }
  });

  it('finds the command, also after `help`', () => {
    expect(targetCommand(['env', 'list'])).toBe('env');
    expect(targetCommand(['--quiet', 'token', 'list'])).toBe('token');
    expect(targetCommand(['help', 'deploy'])).toBe('deploy');
    expect(targetCommand(['--version'])).toBeUndefined();
  });
});
