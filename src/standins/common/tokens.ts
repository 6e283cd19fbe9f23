import { randomBytes } from 'node:crypto';
import { BadRequest, type StandInRequest, type StandInResponse } from './http.ts';

/*
 * OAuth2 client-credentials as the portal's and the platform's gateways issue them (domain-vn.md §8.2,
 * step 1 "get token (client_id/secret)"): POST form or JSON {grant_type, client_id, client_secret} →
 * {access_token, token_type: "Bearer", expires_in}. An expired or unknown token is answered 401, so
 * clients must refresh.
 */

export function tokenIssuer(opts: { clientId: string; clientSecret: string; ttlSeconds: number }) {
  const tokens = new Map<string, number>();
  let issued = 0;
  return {
    get issued() {
      return issued;
    },
    handle(req: StandInRequest): StandInResponse {
      const type = String(req.headers['content-type'] ?? '');
      const fields: Record<string, unknown> = type.includes('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(req.body.toString('utf8')))
        : (req.json() as Record<string, unknown>);
      if (fields.grant_type !== 'client_credentials') throw new BadRequest('unsupported_grant_type');
      if (fields.client_id !== opts.clientId || fields.client_secret !== opts.clientSecret) {
        return { status: 401, body: { error: 'invalid_client' } };
      }
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, Date.now() + opts.ttlSeconds * 1000);
      issued++;
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: opts.ttlSeconds },
      };
    },
    /** Undefined when the request carries a live token; else the 401 answer. */
    check(req: StandInRequest): StandInResponse | undefined {
      const m = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''));
      const expires = m?.[1] ? tokens.get(m[1]) : undefined;
      if (expires !== undefined && expires > Date.now()) return undefined;
      return {
        status: 401,
        body: { error: 'invalid_token' },
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      };
    },
    /** Forgets every token (tests: the gateway restarted). */
    revokeAll() {
      tokens.clear();
    },
  };
}
