import { z } from 'zod';

/** The app's settings, from the environment the blueprint gives it (checkout-dev.yaml). */
const CheckoutConfigSchema = z.object({
  DATABASE_URL: z.string().min(1).describe('Postgres holding the seeded products and the carts'),
  REDIS_URL: z.string().min(1).describe('Redis caching the product list'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080).describe('HTTP port'),
  PRODUCTS_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30)
    .describe('How long /products is cached'),
});

export interface CheckoutConfig {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  productsCacheSeconds: number;
}

/** Reads and checks the settings; the error names every missing or invalid variable. */
export function readCheckoutConfig(env: NodeJS.ProcessEnv): CheckoutConfig {
  const parsed = CheckoutConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`checkout-api: invalid environment: ${problems.join('; ')}`);
  }
  const { DATABASE_URL, REDIS_URL, PORT, PRODUCTS_CACHE_SECONDS } = parsed.data;
  return {
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    port: PORT,
    productsCacheSeconds: PRODUCTS_CACHE_SECONDS,
  };
}
