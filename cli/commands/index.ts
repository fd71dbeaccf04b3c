import type { Command } from 'commander';
import { register as registerApi } from './api.js';
import { register as registerBlueprint } from './blueprint.js';
import { register as registerDemo } from './demo.js';
import { register as registerDeploy } from './deploy.js';
import { register as registerEnv } from './env.js';
import { register as registerEnvApply } from './env-apply.js';
import { register as registerGateway } from './gateway.js';
import { register as registerPlan } from './plan.js';
import { register as registerRender } from './render.js';
import { register as registerStack } from './stack.js';
import { register as registerStackImages } from './stack-images.js';
import { register as registerValidate } from './validate.js';
import { register as registerWorker } from './worker.js';

/**
 * Every command group registers itself here, one line each, so the command tree stays easy to read.
 */
export function registerCommands(program: Command): void {
  registerApi(program);
  registerEnv(program);
  registerEnvApply(program);
  registerBlueprint(program);
  registerValidate(program);
  registerRender(program);
  registerPlan(program);
  registerStack(program);
  registerStackImages(program);
  registerDemo(program);
  registerDeploy(program);
  registerWorker(program);
  registerGateway(program);
}
