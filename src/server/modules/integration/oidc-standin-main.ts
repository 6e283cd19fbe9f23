// The local OpenID Connect provider as its own process: `node --import tsx oidc-standin-main.ts`.
// Configuration comes from the spawning process (oidc-standin-process.ts); the first line on standard
// output is `{"issuer": "..."}` once it listens.
import { startOidcStandIn } from './oidc-standin.ts';

const env = process.env;
const started = await startOidcStandIn({
  port: Number(env.OIDC_STANDIN_PORT ?? 0),
  clientId: env.OIDC_STANDIN_CLIENT_ID ?? 'motcua',
  clientSecret: env.OIDC_STANDIN_CLIENT_SECRET ?? '',
  redirectUris: (env.OIDC_STANDIN_REDIRECT_URIS ?? '').split(',').filter(Boolean),
});
process.stdout.write(`${JSON.stringify({ issuer: started.issuer })}\n`);
const stop = () => void started.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent closes our standard input when it goes away, even when it was killed: do not outlive it.
process.stdin.on('end', stop);
process.stdin.resume();
