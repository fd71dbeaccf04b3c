import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, ErrorCode } from '../errors.js';

/** The dashboard's build beside the code: dashboard/dist from api/plugins (in the sources and in dist/). */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));

/**
 * Same origin only: scripts, styles and calls come from this API; nothing inline, no frames. The
 * dashboard's build has no inline script or style, so no nonce is needed.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardOptions {
  /** The built files (index.html, assets/). */
  dir?: string;
  /** The Temporal UI, linked from each environment (public: it is the operators' own address). */
  temporalUiUrl?: string;
  temporalNamespace?: string;
}

/** Hashed file names under assets/ never change content: cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

/**
 * The web dashboard under /ui/: the static build of dashboard/ (Vite), served by the API itself so it
 * shares the API's origin (its calls to /v1 need no CORS, and a session cookie set by sign-in goes
 * with them). The files are public, like /docs: they hold no data; every call they make is
 * authenticated. Any /ui/ path that is not a file answers index.html, so links to a page load it.
 */
async function dashboardPlugin(app: FastifyInstance, opts: DashboardOptions): Promise<void> {
  const root = path.resolve(opts.dir ?? DEFAULT_DASHBOARD_DIR);
  const built = existsSync(path.join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, serve: false });

  const route = { config: { public: true }, schema: { hide: true } } as const;
  const sendIndex = (reply: FastifyReply) => {
    if (!built) {
      return securityHeaders(reply)
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built: run `npm run build` (or `npm run dashboard:build`).\n');
    }
    return securityHeaders(reply)
      .header('cache-control', 'no-cache')
      .sendFile('index.html', { cacheControl: false });
  };

  app.get('/ui', route, async (_request, reply) => reply.redirect('/ui/'));
  app.get('/ui/config.json', route, async (_request, reply) =>
    securityHeaders(reply)
      .header('cache-control', 'no-cache')
      .send({
        temporalUiUrl: opts.temporalUiUrl?.replace(/\/+$/, '') ?? null,
        temporalNamespace: opts.temporalNamespace ?? null,
      }),
  );
  app.get('/ui/assets/*', route, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (!built || !/^[A-Za-z0-9._-]+$/.test(file)) {
      throw new ApiError({
        statusCode: 404,
        code: ErrorCode.NotFound,
        message: `no dashboard asset ${file}`,
      });
    }
    return securityHeaders(reply)
      .header('cache-control', IMMUTABLE)
      .sendFile(`assets/${file}`, { cacheControl: false });
  });
  app.get('/ui/*', route, async (_request, reply) => sendIndex(reply));
}

export default fp(dashboardPlugin, { name: 'dashboard' });
