import { parseArgs, runAsProcess, tlsFromArgs } from '../common/http.ts';
import { startPortalStandIn } from './server.ts';

/*
 * `node --import tsx src/standins/portal/main.ts --port N [--host H] [--client-id ID --client-secret S]
 *  [--token-ttl SECONDS] [--no-bodies] [--no-online] [--tls-cert F --tls-key F [--tls-ca F --require-client-cert]] [--exit-with-stdin]`
 */
const args = parseArgs(process.argv.slice(2));
const started = await startPortalStandIn({
  port: Number(args.port ?? 0),
  host: args.host,
  tls: tlsFromArgs(args),
  clientId: args['client-id'],
  clientSecret: args['client-secret'],
  tokenTtlSeconds: args['token-ttl'] ? Number(args['token-ttl']) : undefined,
  keepBodies: args['no-bodies'] === undefined,
  // --no-online: no citizen's online dossier waits on the portal (benches count only their own messages).
  ...(args['no-online'] === undefined ? {} : { onlineDossiers: [] }),
});
await runAsProcess(started, 'dvcqg', args);
