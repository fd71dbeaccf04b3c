import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionScript } from '../../../cli/completion.js';
import { buildProgram } from '../../../cli/main.js';

const exec = promisify(execFile);
const program = await buildProgram({ all: true });

describe('shell completion', () => {
  let dir: string;
  let script: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-completion-'));
    script = path.join(dir, 'microstax.bash');
    await writeFile(script, completionScript('bash', program));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** What bash offers after `words` (the last one is being typed); `microstax` is a stub listing ids. */
  async function complete(words: string[]): Promise<string[]> {
    const line = words.map((word) => `'${word}'`).join(' ');
    const { stdout } = await exec('bash', [
      '-c',
      `microstax() { printf 'e1a2b3c4d5e6\\n'; }
source ${script}
COMP_WORDS=(microstax ${line}); COMP_CWORD=${words.length}; _microstax; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ]);
    return stdout.split('\n').filter(Boolean);
  }

  it('loads in bash and completes commands, subcommands, options and -o values', async () => {
    expect(await complete(['en'])).toEqual(['env']);
    expect(await complete(['env', 'wa'])).toEqual(['wait', 'wake']);
    expect(await complete(['env', 'create', '--ti'])).toEqual(['--timeout']);
    expect(await complete(['env', 'list', '-o', 'y'])).toEqual(['yaml']);
    expect(await complete(['deploy', 'st'])).toEqual(['status']);
  });

  it('completes an environment id from the API (env list -o name)', async () => {
    expect(await complete(['env', 'get', 'e1'])).toEqual(['e1a2b3c4d5e6']);
    expect(await complete(['env', 'create', 'e1'])).toEqual([]);
  });

  it('writes zsh (through bashcompinit) and fish scripts for the same tree', () => {
    expect(completionScript('zsh', program)).toContain('bashcompinit');
    const fish = completionScript('fish', program);
    expect(fish).toContain("complete -c microstax -n '__fish_use_subcommand' -a 'api token db env");
    expect(fish).toContain(
      "-n '__fish_seen_subcommand_from env; and __fish_seen_subcommand_from wait' -l timeout",
    );
  });
});
