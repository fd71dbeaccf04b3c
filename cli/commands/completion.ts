import { Argument, type Command } from 'commander';
import { SHELLS, type Shell } from '../completion.js';

/** `microstax completion bash|zsh|fish`: prints the shell's completion script for every command. */
export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script, e.g. source <(microstax completion bash)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText(
      'after',
      `
bash:  echo 'source <(microstax completion bash)' >> ~/.bashrc
zsh:   echo 'source <(microstax completion zsh)' >> ~/.zshrc
fish:  microstax completion fish > ~/.config/fish/completions/microstax.fish`,
    )
    .action(async (shell: Shell) => {
      // The script covers every command, so this one command loads them all (once, not per Tab).
      const [{ buildProgram }, { completionScript }] = await Promise.all([
        import('../main.js'),
        import('../completion.js'),
      ]);
      process.stdout.write(completionScript(shell, await buildProgram({ all: true })));
    });
}
