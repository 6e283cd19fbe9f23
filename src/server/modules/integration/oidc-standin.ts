import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, demoSubject } from './demo-citizens.ts';

/*
 * A real OpenID Connect provider (oidc-provider) standing in for the national single sign-on (DVCQG /
 * VNeID, docs/domain-vn.md §8.4), which cannot be reached from here. It runs as its own process
 * (oidc-standin-main.ts), started by `motcua start` in demo mode and by the tests, and speaks the real
 * protocol: authorization code with PKCE, state, nonce, ID tokens signed with a key made at start.
 */

export interface OidcStandInOptions {
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  const rows = DEMO_CITIZENS.map(
    (c) => `<li><code>${c.personalId}</code> — ${escapeHtml(c.fullName)} (${c.birthDate})</li>`,
  ).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Đăng nhập định danh điện tử (thử nghiệm)</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;font-size:1rem;padding:.6rem;box-sizing:border-box}
button{margin-top:1.2rem;width:100%;font-size:1rem;padding:.7rem;background:#b3261e;color:#fff;border:0;border-radius:6px}
.err{color:#9b1c1c;font-weight:600}small{color:#444}</style></head><body>
<main><h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p><small>Máy chủ định danh thử nghiệm của bản trình diễn — không phải VNeID thật.</small></p>
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Số định danh cá nhân</label><input id="login" name="login" inputmode="numeric" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form>
<h2>Công dân thử nghiệm</h2><p><small>Mật khẩu: <code>${DEMO_CITIZEN_PASSWORD}</code></small></p><ul>${rows}</ul></main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(c as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider on 127.0.0.1 (a free port unless given); resolves with its issuer URL. */
export async function startOidcStandIn(opts: OidcStandInOptions) {
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${host}:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const byId = new Map(DEMO_CITIZENS.map((c) => [demoSubject(c.personalId), c]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'birthdate', 'personal_id'] },
    // The identity goes in the signed ID token itself, as the national SSO does.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      IdToken: 600,
      AccessToken: 600,
      AuthorizationCode: 120,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async findAccount(_ctx, sub) {
      const c = byId.get(sub);
      if (!c) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, name: c.fullName, birthdate: c.birthDate, personal_id: c.personalId }),
      };
    },
    // The relying party is the province's own system: no separate consent screen for its own client.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId || oidc.session?.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      if (!oidc.session?.accountId) return undefined;
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', 'birthdate', 'personal_id']);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(url.pathname);
    if (!m) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== m[1]) throw new Error('interaction mismatch');
        if (!m[2] && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
          return;
        }
        if (m[2] && req.method === 'POST') {
          const form = await readForm(req);
          const citizen = DEMO_CITIZENS.find((c) => c.personalId === form.get('login')?.trim());
          if (!citizen || form.get('password') !== DEMO_CITIZEN_PASSWORD) {
            res
              .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
              .end(loginPage(details.uid, 'Số định danh hoặc mật khẩu không đúng'));
            return;
          }
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: demoSubject(citizen.personalId) } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.writeHead(405).end();
      } catch {
        res
          .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Phiên đăng nhập không hợp lệ');
      }
    })();
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
