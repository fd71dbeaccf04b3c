import type { TestApi } from './harness.js';

/** Secret values planted in test blueprints: no response, log line or event may ever contain them. */
export const PLANTED_SECRETS = ['Pl4nted-Inline-Secret-7731', 'pl4nted-url-password-9923'];

/** A small valid blueprint with an inline secret, a password in a URL and a seed script. */
export const SHOP_BLUEPRINT = `name: shop
services:
  - name: web
    image: ghcr.io/acme/shop-web:1.0
    expose: 8080
    env:
      API_URL: http://api:3000
  - name: api
    image: ghcr.io/acme/shop-api:1.0
    ports: [3000]
    env:
      DATABASE_URL: postgres://shop:${PLANTED_SECRETS[1]}@db:5432/shop
      SESSION_KEY:
        secret: ${PLANTED_SECRETS[0]}
  - name: db
    image: postgres:16-alpine
    init:
      type: sql
      script: scripts/seed.sql
`;
export const SHOP_SCRIPTS = { 'scripts/seed.sql': 'CREATE TABLE products (id int);\n' };

/** The same blueprint with only the api image changed: a branch of it deploys api and forks what it needs. */
export const SHOP_BRANCH_BLUEPRINT = SHOP_BLUEPRINT.replace('shop-api:1.0', 'shop-api:1.1-feature');

/** A blueprint with a problem on a known line. */
export const INVALID_BLUEPRINT = `name: broken
services:
  - name: web
    image: ""
    replicas: lots
`;

/** Registers the shop blueprint as the member, as most API tests begin; fails loudly unless 201. */
export async function registerShop(api: TestApi): Promise<void> {
  const registered = await api.app.inject({
    method: 'POST',
    url: '/v1/blueprints',
    headers: api.headers('member'),
    payload: { source: SHOP_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
  });
  if (registered.statusCode !== 201) {
    throw new Error(`registering shop.yaml answered ${registered.statusCode}: ${registered.body}`);
  }
}
