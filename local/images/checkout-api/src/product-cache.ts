import type { createClient } from 'redis';
import type { Product } from './store.js';

/** The product list cached in Redis, so repeated `/products` calls skip the database. */
export interface ProductCache {
  get(): Promise<Product[] | undefined>;
  set(products: Product[]): Promise<void>;
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
}

type RedisClient = ReturnType<typeof createClient>;

export const PRODUCTS_CACHE_KEY = 'checkout-api:products';

/** A cache that does not answer within this long is treated as down: the database answers instead. */
const CACHE_TIMEOUT_MS = 1000;

function withinTimeout<T>(operation: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from Redis in ${CACHE_TIMEOUT_MS} ms`)),
      CACHE_TIMEOUT_MS,
    );
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

/** A ProductCache over a `redis` client; entries expire after `ttlSeconds`. */
export function redisProductCache(client: RedisClient, ttlSeconds: number): ProductCache {
  return {
    async get() {
      const cached = await withinTimeout(client.get(PRODUCTS_CACHE_KEY));
      return cached ? (JSON.parse(cached) as Product[]) : undefined;
    },
    async set(products) {
      await withinTimeout(client.set(PRODUCTS_CACHE_KEY, JSON.stringify(products), { EX: ttlSeconds }));
    },
    async ping() {
      await withinTimeout(client.ping());
    },
  };
}
