import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';

/*
 * Citizens' sign-in through the province's OpenID Connect provider (the national SSO; docs/domain-vn.md
 * §8.4) with openid-client: authorization code + PKCE (S256), state and nonce, and the ID token's
 * signature checked against the provider's published keys (enableNonRepudiationChecks) — no token is
 * checked by hand here.
 */

export interface VerifiedIdentity {
  subject: string;
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD, when the provider gave it. */
  birthDate: string | null;
}

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a callback was refused, for the log (never the identity or the tokens). */
export class OidcRefusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'expired',
    readonly reason: string,
  ) {
    super(reason);
  }
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function createCitizenOidc(
  oidc: Config['oidc'],
  opts: {
    now: () => Date;
    /** Replaces the HTTP client (tests tamper with the provider's answers through it). */
    fetch?: client.CustomFetch;
  },
) {
  let server: client.ServerMetadata | undefined;
  let jwks: client.ExportedJWKSCache | undefined;

  async function configuration(): Promise<client.Configuration> {
    if (!oidc.issuer) throw new AppError('OIDC_NOT_CONFIGURED');
    const issuer = new URL(oidc.issuer);
    // Plain HTTP only to a provider on this machine (the demo's local provider).
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    if (!server) {
      try {
        const discovered = await client.discovery(issuer, oidc.clientId, undefined, undefined, {
          execute: insecure ? [client.allowInsecureRequests] : [],
          ...(opts.fetch ? { [client.customFetch]: opts.fetch } : {}),
        });
        server = discovered.serverMetadata();
      } catch (err) {
        throw new AppError('OIDC_PROVIDER_UNAVAILABLE', (err as Error).name);
      }
    }
    // Token times are judged by the server's clock (which tests may move), not the machine's.
    const skew = Math.round((opts.now().getTime() - Date.now()) / 1000);
    const config = new client.Configuration(
      server,
      oidc.clientId,
      { [client.clockSkew]: skew },
      client.ClientSecretBasic(oidc.clientSecret),
    );
    if (insecure) client.allowInsecureRequests(config);
    client.enableNonRepudiationChecks(config);
    if (opts.fetch) config[client.customFetch] = opts.fetch;
    if (jwks) client.setJwksCache(config, jwks);
    return config;
  }

  return {
    /** Fresh state, nonce and PKCE verifier for one sign-in attempt. */
    newChecks(): LoginChecks {
      return {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
    },

    /** Where to send the citizen's browser to sign in. */
    async authorizationUrl(checks: LoginChecks): Promise<URL> {
      const config = await configuration();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: oidc.redirectUrl,
        scope: oidc.scope,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
    },

    /**
     * Redeems the code the provider sent back to `callbackUrl`, checks state, nonce, PKCE, issuer,
     * audience, times and the ID token's signature, and returns the verified identity.
     */
    async redeem(callbackUrl: URL, checks: LoginChecks): Promise<VerifiedIdentity> {
      const config = await configuration();
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        jwks = client.getJwksCache(config);
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).name;
        if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') throw new OidcRefusal('expired', code);
        if (err instanceof TypeError && !(err as { code?: string }).code)
          throw new AppError('OIDC_PROVIDER_UNAVAILABLE', err.name);
        throw new OidcRefusal('invalid', code);
      }
      const personalId = typeof claims?.personal_id === 'string' ? claims.personal_id : '';
      const fullName = typeof claims?.name === 'string' ? claims.name.trim() : '';
      const birth = typeof claims?.birthdate === 'string' ? claims.birthdate : null;
      if (!claims?.sub || !/^[0-9]{12}$/.test(personalId) || !fullName || fullName.length > 200)
        throw new OidcRefusal('invalid', 'identity claims missing');
      return {
        subject: claims.sub,
        personalId,
        fullName,
        birthDate: birth && /^\d{4}-\d{2}-\d{2}$/.test(birth) ? birth : null,
      };
    },
  };
}

export type CitizenOidc = ReturnType<typeof createCitizenOidc>;
