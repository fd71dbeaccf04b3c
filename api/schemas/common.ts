import { z } from 'zod';
import { ErrorCode } from '../errors.js';

/** The error body every non-2xx response carries. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z
        .enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]])
        .describe('Stable machine-readable code'),
      message: z.string().describe('What went wrong, for people'),
      field: z.string().optional().describe('Dotted path of the failing input field, e.g. body.ttl'),
      details: z.unknown().optional().describe('Extra detail, e.g. every blueprint problem'),
    }),
  })
  .describe('An error');

/** The error responses any authenticated route can give. */
export const standardErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  429: ErrorResponse,
  500: ErrorResponse,
} as const;

/** Team ids: short slugs, as teams.id allows. */
export const TeamId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a team id: lower-case letters, digits and "-"')
  .describe('Team id');

/** Environment ids are DNS labels (they name Kubernetes namespaces). */
export const EnvironmentId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,40}$/, 'must be an environment id such as e4f1c2a9b7d3')
  .describe('Environment id');

export const IsoDate = z.iso.datetime().describe('ISO 8601 time');
