import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * One top-level command. Its summary shows in `microstax --help` without loading its module: a
 * module is imported only when its command runs, so `--version` and `--help` load none of them and
 * `env list` never loads the Temporal worker, the Kubernetes client or the MILP solver.
 */
export interface CommandEntry {
  name: string;
  /** Must equal the description the module gives the command (a unit test checks). */
  summary: string;
  /** The module's register functions, in order (a module may register several top-level commands). */
  load: () => Promise<Register[]>;
}

const api = async () => [(await import('./api.js')).register];
const login = async () => [(await import('./login.js')).register];
const stack = async () => {
  const [base, images] = await Promise.all([import('./stack.js'), import('./stack-images.js')]);
  return [base.register, images.register];
};

/** Every top-level command, in the order `microstax --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'api',
    summary: 'run the control-plane API (migrates the database first); stops cleanly on Ctrl-C or SIGTERM',
    load: api,
  },
  {
    name: 'token',
    summary:
      'API tokens: create, list, revoke through the API (or, with --team/--user, in the database directly)',
    load: api,
  },
  {
    name: 'db',
    summary: 'the metadata database: migrate it explicitly',
    load: async () => [(await import('./db.js')).register],
  },
  {
    name: 'env',
    summary: 'create, inspect, share and delete environments through the MicroStax API',
    load: async () => {
      const [env, apply, diff, openEvents] = await Promise.all([
        import('./env.js'),
        import('./env-apply.js'),
        import('./env-diff.js'),
        import('./env-open-events.js'),
      ]);
      return [env.register, apply.register, diff.register, openEvents.register];
    },
  },
  {
    name: 'cost',
    summary:
      'what environments cost per team per day, and what sleeping and branch reuse saved (from the API)',
    load: async () => [(await import('./cost.js')).register],
  },
  {
    name: 'policy',
    summary:
      'policies: limits and defaults for environments, per company and team (get, set, history, check)',
    load: async () => [(await import('./policy.js')).register],
  },
  {
    name: 'blueprint',
    summary: 'work with blueprint files locally: validate, render (resolved JSON), plan a branch',
    load: async () => [(await import('./blueprint.js')).register],
  },
  {
    name: 'validate',
    summary: 'Check blueprints (with overlays) and report every problem as FILE:LINE:COL: message',
    load: async () => [(await import('./validate.js')).register],
  },
  {
    name: 'render',
    summary: 'Print the resolved blueprint with its dependency graph and where each value came from',
    load: async () => [(await import('./render.js')).register],
  },
  {
    name: 'plan',
    summary:
      'Plan a branch environment against a baseline: which services deploy, fork or reuse the baseline, and why',
    load: async () => [(await import('./plan.js')).register],
  },
  {
    name: 'stack',
    summary: 'the local stack: Temporal dev server, Postgres and a Kubernetes cluster with simulated nodes',
    load: stack,
  },
  {
    name: 'demo',
    summary:
      'start the worker and API on the local stack, create the checkout-dev example environment, and show its URLs',
    load: async () => [(await import('./demo.js')).register],
  },
  {
    name: 'deploy',
    summary: 'Deploy a blueprint straight to Kubernetes, inspect or remove it (no control plane needed)',
    load: async () => [(await import('./deploy.js')).register],
  },
  {
    name: 'worker',
    summary: 'Run the lifecycle worker: create, seed, snapshot, share and tear down environments on Temporal',
    load: async () => [(await import('./worker.js')).register],
  },
  {
    name: 'gateway',
    summary:
      "Run the local gateway: routes <service>.<environment>.<base domain> to the environment's Service (by Host header), and baggage-carrying requests of header-routed baselines to the branch's copy",
    load: async () => [(await import('./gateway.js')).register],
  },
  {
    name: 'router',
    summary:
      "Run the header router: sends each request to the branch's copy of a service named by its `baggage: microstax-env=<id>` header, else to the baseline's",
    load: async () => [(await import('./router.js')).register],
  },
  {
    name: 'login',
    summary: 'sign in with the installation’s identity provider and store an API token in a context',
    load: login,
  },
  {
    name: 'whoami',
    summary: 'who the current credential speaks for: user, team, role',
    load: login,
  },
  {
    name: 'context',
    summary: 'MicroStax servers the CLI talks to: add, use, list (MICROSTAX_CONTEXT picks one per command)',
    load: async () => [(await import('./context.js')).register],
  },
  {
    name: 'completion',
    summary: 'print a shell completion script, e.g. source <(microstax completion bash)',
    load: async () => [(await import('./completion.js')).register],
  },
];

/** The top-level command an argument vector runs (`microstax help X` counts as X), if any. */
export function targetCommand(args: readonly string[]): string | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Registers the commands `args` (the arguments after the program name) needs in full, and every
 * other one as a summary line only. `all` loads every module (shell completion needs the whole tree).
 */
export async function registerCommands(
  program: Command,
  options: { args: readonly string[]; all?: boolean },
): Promise<void> {
  const target = targetCommand(options.args);
  const loaders = new Set(
    COMMANDS.filter((entry) => options.all || entry.name === target).map((entry) => entry.load),
  );
  for (const load of loaders) for (const register of await load()) register(program);
  const registered = new Set(program.commands.map((command) => command.name()));
  for (const entry of COMMANDS) {
    if (!registered.has(entry.name)) program.command(entry.name).description(entry.summary);
  }
}
