import { describe, expect, it } from 'vitest';
import { readCheckoutConfig } from '../../../../local/images/checkout-api/src/config.js';

describe('checkout-api config', () => {
  it('reads the blueprint env with defaults', () => {
    expect(
      readCheckoutConfig({
        DATABASE_URL: 'postgres://postgres:secret@db:5432/checkout',
        REDIS_URL: 'redis://cache:6379',
      }),
    ).toEqual({
      databaseUrl: 'postgres://postgres:secret@db:5432/checkout',
      redisUrl: 'redis://cache:6379',
      port: 8080,
      productsCacheSeconds: 30,
    });
  });

  it('names every missing or invalid variable', () => {
    expect(() => readCheckoutConfig({ PORT: 'eighty' })).toThrow(/DATABASE_URL.*REDIS_URL.*PORT/s);
  });
});
