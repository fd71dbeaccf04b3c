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

/** A ProductCache over a connected `redis` client; entries expire after `ttlSeconds`. */
export function redisProductCache(client: RedisClient, ttlSeconds: number): ProductCache {
  return {
    async get() {
      const cached = await client.get(PRODUCTS_CACHE_KEY);
      return cached ? (JSON.parse(cached) as Product[]) : undefined;
    },
    async set(products) {
      await client.set(PRODUCTS_CACHE_KEY, JSON.stringify(products), { EX: ttlSeconds });
    },
    async ping() {
      await client.ping();
    },
  };
}
