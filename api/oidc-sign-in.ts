import { readFile } from 'node:fs/promises';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import type { ApiConfig } from './config.js';
import { ApiError, ErrorCode } from './errors.js';

/**
 * Sign-in with OpenID Connect: the browser flow (authorization code + PKCE, with state and nonce) and
 * the verification of ID tokens the CLI brings (device flow). Discovery happens on first use, so the
 * API starts even while the provider is down; a failed discovery is retried on the next sign-in.
 */

/** Who the provider says signed in: the claims MicroStax uses. */
export interface SignedInIdentity {
  /** `email` when the provider gives one, else `preferred_username`, else `sub`. */
  name: string;
  groups: string[];
}

export interface AuthorizationStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

const unauthorized = (message: string) =>
  new ApiError({ statusCode: 401, code: ErrorCode.Unauthorized, message });

/** http issuers only on loopback (the local stack); anything else must be https. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export class OidcSignIn {
  private discovered: Promise<oidc.Configuration> | null = null;
  private jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  private constructor(
    private readonly settings: {
      issuer: URL;
      clientId: string;
      clientSecret: string;
      cliClientId: string;
      redirectUrl: string;
      now: () => Date;
    },
  ) {}

  /** The sign-in of these settings, or null when no issuer is configured (sign-in off). */
  static async fromConfig(config: ApiConfig, now: () => Date = () => new Date()): Promise<OidcSignIn | null> {
    if (!config.oidcIssuer) return null;
    const issuer = new URL(config.oidcIssuer);
    if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
      throw new Error(`MICROSTAX_OIDC_ISSUER: ${issuer.href} must be https (http only on loopback)`);
    }
    const clientSecret =
      config.oidcClientSecret ??
      (config.oidcClientSecretFile
        ? await readFile(config.oidcClientSecretFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
            throw new Error(
              `MICROSTAX_OIDC_CLIENT_SECRET_FILE: cannot read ${config.oidcClientSecretFile} (${error.code ?? error.message})`,
            );
          })
        : undefined
      )?.trim();
    if (!clientSecret) {
      throw new Error('MICROSTAX_OIDC_ISSUER is set: MICROSTAX_OIDC_CLIENT_SECRET or _FILE must be set too');
    }
    const base = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
    return new OidcSignIn({
      issuer,
      clientId: config.oidcClientId,
      clientSecret,
      cliClientId: config.oidcCliClientId,
      redirectUrl: config.oidcRedirectUrl ?? new URL('/v1/auth/callback', base).href,
      now,
    });
  }

  /** What a CLI needs to sign in on its own: the issuer and its public client. */
  publicSettings(): { issuer: string; cliClientId: string } {
    return { issuer: this.settings.issuer.href.replace(/\/$/, ''), cliClientId: this.settings.cliClientId };
  }

  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.settings;
      this.discovered = oidc
        .discovery(issuer, clientId, clientSecret, undefined, {
          ...(issuer.protocol === 'http:' && { execute: [oidc.allowInsecureRequests] }),
          timeout: 5,
        })
        .catch((error: unknown) => {
          this.discovered = null;
          throw new ApiError({
            statusCode: 503,
            code: ErrorCode.Unavailable,
            message: `the sign-in provider ${issuer.href} does not answer (${error instanceof Error ? error.message : String(error)}); retry in a moment`,
          });
        });
    }
    return this.discovered;
  }

  /** Where to send the browser, with a fresh state, nonce and PKCE verifier to keep until the callback. */
  async start(): Promise<AuthorizationStart> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: 'openid email profile groups',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Finishes the browser flow: exchanges the code (with the PKCE verifier) and verifies the ID token
   * (signature, issuer, audience, expiry, nonce). `callbackUrl` is the URL the browser came back on.
   */
  async finish(params: {
    callbackUrl: URL;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<SignedInIdentity> {
    const config = await this.configuration();
    // The provider redirected to the registered URL; the code is bound to it, whatever host we sit behind.
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = params.callbackUrl.search;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: params.codeVerifier,
        expectedState: params.state,
        expectedNonce: params.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw unauthorized('the provider returned no ID token');
      return identityOf(claims);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unauthorized(`sign-in refused: ${describeOidcError(error)}`);
    }
  }

  /**
   * Verifies an ID token the CLI got from the provider for its own client (or the dashboard's):
   * signature against the provider's published keys, issuer, audience and expiry.
   */
  async verifyIdToken(idToken: string): Promise<SignedInIdentity> {
    const config = await this.configuration();
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) throw unauthorized('the provider publishes no signing keys (jwks_uri)');
    this.jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    try {
      const { payload } = await jwtVerify(idToken, this.jwks, {
        issuer: metadata.issuer,
        audience: [this.settings.cliClientId, this.settings.clientId],
        currentDate: this.settings.now(),
        algorithms: ['RS256', 'ES256', 'EdDSA'],
      });
      return identityOf(payload);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unauthorized(describeIdTokenError(error));
    }
  }
}

function identityOf(claims: JWTPayload): SignedInIdentity {
  const name = [claims.email, claims.preferred_username, claims.sub].find(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  if (!name) throw unauthorized('the ID token names nobody (no email, preferred_username or sub)');
  const groups = Array.isArray(claims.groups)
    ? claims.groups.filter((group): group is string => typeof group === 'string')
    : [];
  return { name, groups };
}

/** A clear reason for a refused ID token (never the token itself). */
function describeIdTokenError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the ID token has expired: sign in again';
  if (
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    error instanceof joseErrors.JWKSNoMatchingKey
  )
    return "the ID token's signature does not match the provider's keys";
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `the ID token's "${error.claim}" claim is not valid here (${error.reason})`;
  if (error instanceof joseErrors.JOSEError) return `the ID token is not valid (${error.code})`;
  return 'the ID token is not valid';
}

function describeOidcError(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `the provider refused the code (${error.error})`;
  if (error instanceof oidc.AuthorizationResponseError) return `the provider answered ${error.error}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
