import type { Command } from 'commander';
import { register as registerPlan } from './plan.js';
import { register as registerRender } from './render.js';
import { register as registerValidate } from './validate.js';

/**
 * `microstax blueprint validate|render|plan`: the same commands as the top-level `validate`, `render`
 * and `plan`, grouped under `blueprint` (the CLI contract). Registered from the same functions,
 * so options, help and exit codes can never drift apart.
 */
export function register(program: Command): void {
  const blueprint = program
    .command('blueprint')
    .description('work with blueprint files locally: validate, render (resolved JSON), plan a branch');
  registerValidate(blueprint);
  registerRender(blueprint);
  registerPlan(blueprint);
}
