import { resolveStackConfig, TEMPORAL_NAMESPACE } from '../local/stack/config.js';
import { readStackEndpoints } from '../local/stack/endpoints.js';

/** Where to reach Temporal, and where the dev codec key lives. */
export interface TemporalConfig {
  /** host:port of the Temporal frontend. */
  address: string;
  namespace: string;
  /** The stack's state dir: the dev codec key is generated there when MICROSTAX_CODEC_KEY is unset. */
  stateDir: string;
}

/**
 * TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE, default "microstax") when set, as in production and
 * docker-compose; otherwise the local stack's recorded endpoints (which throws, naming
 * `microstax stack up`, when the stack is not up).
 */
export async function resolveTemporalConfig(env: NodeJS.ProcessEnv = process.env): Promise<TemporalConfig> {
  const stateDir = resolveStackConfig(env).stateDir;
  if (env.TEMPORAL_ADDRESS) {
    return {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE || TEMPORAL_NAMESPACE,
      stateDir,
    };
  }
  const endpoints = await readStackEndpoints(env);
  return {
    address: endpoints.temporal.address,
    namespace: env.TEMPORAL_NAMESPACE || endpoints.temporal.namespace,
    stateDir: endpoints.stateDir,
  };
}
