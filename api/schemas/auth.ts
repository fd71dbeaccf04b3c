import { z } from 'zod';
import { IsoDate, TeamId } from './common.js';

export const LoginQuery = z.strictObject({
  returnTo: z
    .string()
    .max(2048)
    .regex(/^\/(?!\/)[^\s\\]*$/, 'must be a path on this server, such as /ui/')
    .default('/ui/')
    .describe('Where the browser goes once signed in (a path on this server)'),
});

export const CallbackQuery = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(512).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(1024).optional(),
  })
  .describe("The provider's redirect back");

export const IdTokenExchangeBody = z.strictObject({
  idToken: z.string().min(1).max(16_384).describe('An ID token the provider issued to the CLI client'),
  description: z.string().max(200).default('microstax login').describe('Shown in the token list'),
});

export const Whoami = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), role: z.enum(['member', 'team-admin', 'admin']) }),
    team: TeamId,
    credential: z.object({
      kind: z.enum(['token', 'session']),
      id: z.string().describe('The token id, or the session id'),
    }),
  })
  .describe('Who the credential speaks for');

export const TokenView = z
  .object({
    id: z.string(),
    user: z.string().describe('The user name'),
    prefix: z.string().describe('The first characters of the token'),
    description: z.string(),
    state: z.enum(['active', 'expired', 'revoked']),
    createdAt: IsoDate,
    expiresAt: IsoDate.nullable(),
    revokedAt: IsoDate.nullable(),
  })
  .describe('An API token (never the token itself)');

export const TokenList = z.object({ items: z.array(TokenView) });

export const CreatedToken = TokenView.extend({
  token: z.string().describe('The token: shown this once, never again'),
}).describe('A new API token');

export const CreateTokenBody = z.strictObject({
  description: z.string().max(200).default(''),
  expiresInDays: z.number().int().min(1).max(366).optional().describe('No value: the token never expires'),
  user: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Admins (anyone) and team-admins (their team): issue it for this user'),
});

export const TokenListQuery = z.strictObject({
  user: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Admins (anyone) and team-admins (their team): this user's tokens"),
});

export const TokenParams = z.strictObject({ id: z.uuid().describe('Token id') });

export const AuthConfig = z
  .object({
    issuer: z.string().describe('The OpenID Connect issuer'),
    cliClientId: z.string().describe('The public client `microstax login` signs in with (device flow)'),
  })
  .describe('Where to sign in');
