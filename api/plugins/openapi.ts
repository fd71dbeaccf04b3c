import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { operationIdOf } from '../operation-ids.js';

/**
 * The OpenAPI document, generated from the routes' zod schemas (never written by hand), served as
 * JSON at /openapi.json and as interactive docs at /docs.
 */
async function openApiPlugin(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MicroStax API',
        description:
          'Control plane for isolated developer, QA and pull-request environments. Every call needs ' +
          '`Authorization: Bearer <token>` except health, metrics and these docs.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // operationIds come from the method and URL here, never from the route files (operation-ids.ts).
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const method = [input.route.method].flat()[0] ?? 'GET';
      const operationId =
        (schema as { operationId?: string }).operationId ?? operationIdOf(method, input.url);
      return { schema: { ...schema, operationId }, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}

export default fp(openApiPlugin, { name: 'openapi' });
