import type { z } from 'zod';

/** One setting that does not validate, named by the environment variable that sets it. */
export interface SettingProblem {
  variable: string;
  message: string;
}

/**
 * Settings that do not validate. The message names every variable to fix, so a pod that will not
 * start says why in one line of its log.
 */
export class SettingsError extends Error {
  readonly type = 'settings';
  constructor(
    readonly component: string,
    readonly problems: SettingProblem[],
  ) {
    super(`invalid ${component} settings: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'SettingsError';
  }

  toJSON() {
    return { type: this.type, message: this.message, component: this.component, problems: this.problems };
  }
}

/** The SettingsError of a failed parse: each issue named by the variable of its top-level field. */
export function settingsErrorFrom(
  component: string,
  error: z.ZodError,
  variables: Partial<Record<string, string>>,
): SettingsError {
  return new SettingsError(
    component,
    error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return {
        variable: variables[field] ?? field,
        message:
          issue.code === 'invalid_type' && issue.input === undefined ? 'required, not set' : issue.message,
      };
    }),
  );
}

/**
 * Reads one component's settings from environment variables (empty counts as unset), plus explicit
 * overrides (command-line flags), and validates them with the component's zod schema.
 */
export function readEnvSettings<Schema extends z.ZodObject>(params: {
  component: string;
  schema: Schema;
  /** The environment variable of each field. */
  variables: { [K in keyof z.infer<Schema>]-?: string };
  env: NodeJS.ProcessEnv;
  overrides?: Partial<z.input<Schema>>;
}): z.infer<Schema> {
  const variables = params.variables as Record<string, string>;
  const fromEnv: Record<string, string> = {};
  for (const [field, variable] of Object.entries(variables)) {
    const value = params.env[variable];
    if (value !== undefined && value !== '') fromEnv[field] = value;
  }
  const parsed = params.schema.safeParse({ ...fromEnv, ...params.overrides });
  if (parsed.success) return parsed.data;
  throw settingsErrorFrom(params.component, parsed.error, variables);
}
