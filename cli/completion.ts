import type { Command } from 'commander';

/** The shells `microstax completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Command paths whose argument is an environment id: Tab asks the API (`env list -o name`). */
export function environmentIdPaths(program: Command): string[] {
  const env = program.commands.find((command) => command.name() === 'env');
  return (env?.commands ?? [])
    .filter((command) => command.registeredArguments[0]?.name() === 'id')
    .map((command) => `env ${command.name()}`);
}

/** What may follow each command path ("" is the program; "env create" a subcommand). */
export function completionTable(program: Command): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const visit = (command: Command, path: string) => {
    const words = [
      ...command.commands.map((sub) => sub.name()),
      ...command.options.flatMap((option) => (option.long ? [option.long] : [])),
      '--help',
    ];
    table.set(path, words);
    for (const sub of command.commands) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, '');
  return table;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A bash completion function over the table (zsh runs it through bashcompinit). */
function bashScript(table: Map<string, string[]>, idPaths: string[]): string {
  const paths = [...table.keys()].filter(Boolean);
  const cases = [...table.entries()]
    .map(([path, words]) => `    ${quote(path)}) words=${quote(words.join(' '))} ;;`)
    .join('\n');
  return `# microstax completion for bash: source <(microstax completion bash)
_microstax() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word candidate words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    candidate="\${path:+$path }$word"
    case "$candidate" in
      ${paths.map(quote).join('|')}) path="$candidate" ;;
    esac
  done
  case "\${COMP_WORDS[COMP_CWORD-1]}" in
    -o|--output) COMPREPLY=($(compgen -W 'json yaml table wide name' -- "$cur")); return ;;
  esac
  case "$path" in
${cases}
  esac
  case "$path" in
    ${idPaths.map(quote).join('|') || "''"}) [[ "$cur" != -* ]] && words="$words $(microstax env list -o name 2>/dev/null)" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _microstax microstax
`;
}

function fishScript(table: Map<string, string[]>): string {
  const lines = [
    '# microstax completion for fish: microstax completion fish | source',
    'complete -c microstax -f',
  ];
  for (const [path, words] of table) {
    const parts = path ? path.split(' ') : [];
    const condition = parts.length
      ? parts.map((part) => `__fish_seen_subcommand_from ${part}`).join('; and ')
      : '__fish_use_subcommand';
    const subcommands = words.filter((word) => !word.startsWith('-'));
    const options = words.filter((word) => word.startsWith('--')).map((word) => word.slice(2));
    if (subcommands.length)
      lines.push(`complete -c microstax -n ${quote(condition)} -a ${quote(subcommands.join(' '))}`);
    for (const option of options) lines.push(`complete -c microstax -n ${quote(condition)} -l ${option}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script of a shell for the whole command tree. */
export function completionScript(shell: Shell, program: Command): string {
  const table = completionTable(program);
  if (shell === 'fish') return fishScript(table);
  const bash = bashScript(table, environmentIdPaths(program));
  return shell === 'zsh'
    ? `# microstax completion for zsh: source <(microstax completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${bash}`
    : bash;
}
