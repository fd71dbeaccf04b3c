import type { Payload } from '@temporalio/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getEnvironment } from '../../store/environments.js';
import { AesGcmPayloadCodec, PayloadDecryptionError } from '../../temporal/codec.js';
import type { CodecKeys } from '../../temporal/codec-key.js';
import { canSeeTeam, requireUser } from '../access.js';
import { payloadOwners } from '../codec-access.js';
import { ApiError, badRequest, ErrorCode, forbidden } from '../errors.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';

const Base64 = z
  .string()
  .max(4 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
/** Temporal's `Payloads` in proto3 JSON: bytes as base64. */
const JsonPayloads = z
  .object({
    payloads: z
      .array(
        z.object({ metadata: z.record(z.string().max(256), Base64).default({}), data: Base64.optional() }),
      )
      .max(1000),
  })
  .describe("Temporal's codec server protocol: payloads in proto3 JSON");

type JsonPayload = z.infer<typeof JsonPayloads>['payloads'][number];

const toPayload = (json: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(json.metadata).map(([key, value]) => [key, new Uint8Array(Buffer.from(value, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(json.data ?? '', 'base64')),
});

const toJson = (payload: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value ?? []).toString('base64'),
    ]),
  ),
  data: Buffer.from(payload.data ?? []).toString('base64'),
});

export interface CodecRoutesOptions {
  /** Null when this API has no codec key: the routes answer 503 saying so. */
  keys: CodecKeys | null;
  /** The Temporal namespace whose payloads this key encrypts. */
  namespace: string;
}

/**
 * Temporal's codec server (`POST /codec/encode`, `/codec/decode`), for the Temporal UI and `temporal`
 * CLI: an authenticated caller gets the plaintext of payloads of their own team's workflows only.
 */
const codecRoutes: FastifyPluginAsyncZod<CodecRoutesOptions> = async (app, opts) => {
  const codec = () => {
    if (!opts.keys) {
      throw new ApiError({
        statusCode: 503,
        code: ErrorCode.Unavailable,
        message: 'this API has no codec key (MICROSTAX_CODEC_KEY or _FILE), so it cannot decode payloads',
      });
    }
    return new AesGcmPayloadCodec(opts.keys.current, opts.keys.previous);
  };
  const checkNamespace = (header: string | string[] | undefined) => {
    if (header !== undefined && header !== opts.namespace) {
      throw badRequest(`X-Namespace: this codec serves namespace ${opts.namespace}, not ${String(header)}`);
    }
  };
  const schema = (summary: string) => ({
    tags: ['codec'],
    summary,
    headers: z.object({ 'x-namespace': z.string().max(256).optional() }),
    body: JsonPayloads,
    response: { 200: JsonPayloads, 503: ErrorResponse, ...standardErrors },
  });

  app.post('/encode', { schema: schema('Encrypt payloads (Temporal codec server)') }, async (request) => {
    requireUser(request);
    checkNamespace(request.headers['x-namespace']);
    const encoded = await codec().encode(request.body.payloads.map(toPayload));
    return { payloads: encoded.map(toJson) };
  });

  app.post(
    '/decode',
    { schema: schema("Decrypt payloads of your team's workflows (Temporal codec server)") },
    async (request) => {
      const user = requireUser(request);
      checkNamespace(request.headers['x-namespace']);
      const encrypted = request.body.payloads.map(toPayload);
      let decoded: Payload[];
      try {
        decoded = await codec().decode(encrypted);
      } catch (error) {
        if (error instanceof PayloadDecryptionError) throw badRequest(error.message, 'body.payloads');
        throw error;
      }
      const payloads: JsonPayload[] = [];
      for (const [index, payload] of decoded.entries()) {
        const owners = payloadOwners(payload);
        for (const environmentId of owners.environmentIds) {
          const env = await getEnvironment(app.db, environmentId).catch(() => null);
          if (env) owners.teams.add(env.teamId);
        }
        const foreign = [...owners.teams].filter((team) => !canSeeTeam(user, team));
        if (foreign.length > 0) {
          throw forbidden(
            `payload ${index} belongs to a workflow of team ${foreign.join(', ')}, and you are not in it`,
          );
        }
        const readable = owners.teams.size > 0 || user.role === 'admin';
        payloads.push(toJson(readable ? payload : encrypted[index]!));
      }
      return { payloads };
    },
  );
};

export default codecRoutes;
