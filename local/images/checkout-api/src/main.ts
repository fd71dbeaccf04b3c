import pg from 'pg';
import { createClient } from 'redis';
import { readCheckoutConfig } from './config.js';
import { redisProductCache } from './product-cache.js';
import { createCheckoutServer } from './server.js';

/**
 * checkout-api, the example app of the checkout-dev blueprint: products from Postgres cached in
 * Redis, and carts. Run in its image by Debian's nodejs as one esbuild bundle.
 */

// Replaced by the image build (esbuild `define`); undefined when run from source.
declare const CHECKOUT_VERSION: string | undefined;
const version =
  typeof CHECKOUT_VERSION === 'string' ? CHECKOUT_VERSION : (process.env.CHECKOUT_VERSION ?? 'dev');

const log = (line: string) =>
  process.stdout.write(`${new Date().toISOString()} checkout-api ${version}: ${line}\n`);

async function main(): Promise<void> {
  const config = readCheckoutConfig(process.env);
  const db = new pg.Pool({ connectionString: config.databaseUrl, max: 5, connectionTimeoutMillis: 5_000 });
  db.on('error', (error) => log(`database connection error: ${error.message}`));
  // Commands fail at once while Redis is away (no offline queue), so /products falls back to the
  // database instead of waiting; the client keeps reconnecting in the background.
  const redis = createClient({
    url: config.redisUrl,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(200 * (retries + 1), 2000),
    },
  });
  redis.on('error', (error: Error) => log(`redis error: ${error.message}`));
  // Redis may start after us: connect in the background, the app answers from the database meanwhile.
  redis.connect().catch((error: Error) => log(`redis connect failed: ${error.message}`));
  const server = createCheckoutServer({
    db,
    cache: redisProductCache(redis, config.productsCacheSeconds),
    version,
    warn: log,
    log,
  });
  server.listen(config.port, '0.0.0.0', () => log(`listening on :${config.port}`));
  const stop = (signal: string) => {
    log(`${signal}: shutting down`);
    server.close(() => {
      void Promise.allSettled([db.end(), redis.quit()]).then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
