import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type StandInProcess, startStandInProcess } from '../standins/spawn.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { isDistributed } from './db/citus.ts';
import { type Database, openPglite, openPostgres } from './db/client.ts';
import { autovacuumOff, startMaintenance } from './db/maintenance.ts';
import { startDailyAnchoring } from './modules/audit/verify.ts';
import { DEMO_CITIZEN_PASSWORD } from './modules/integration/demo-citizens.ts';
import { startOidcStandInProcess } from './modules/integration/oidc-standin-process.ts';
import { startOutboxWorker } from './modules/integration/outbox.ts';
import { httpSmsSender, type Sender, smtpSender } from './modules/integration/senders.ts';
import { startSmsStandIn, startSmtpStandIn } from './modules/integration/standins.ts';
import { partnerSecret } from './modules/partners/keys.ts';
import { webhookSender } from './modules/partners/webhook-sender.ts';
import { startInboundScheduler } from './modules/portal/inbound.ts';
import { portalSyncOn } from './modules/portal/view.ts';
import { countDemoUsers } from './seed/demo.ts';
import { type Seeded, seedDatabase } from './seed/seed-database.ts';

export interface Started {
  app: FastifyInstance;
  database: Database;
  url: string;
  demo?: Seeded['demo'];
  stop(): Promise<void>;
}

/** Opens the database, migrates, loads reference data (and the demo), and starts listening. */
export async function startServer(
  initialConfig: Config,
  log: (line: string) => void = console.log,
): Promise<Started> {
  let config = initialConfig;
  // The national portal and the population platform cannot be reached from a demo: their stand-ins
  // run as separate processes (src/standins/), started while the database opens.
  const standIns = startLinkStandIns(config, log);
  let database: Database;
  try {
    if (config.database.kind === 'pglite') {
      const fresh = !fs.existsSync(config.database.dataDir);
      if (fresh)
        log(
          'Đang khởi tạo cơ sở dữ liệu nhúng lần đầu (khoảng 10–20 giây)… / creating the embedded database…',
        );
      database = await openPglite(config.database.dataDir);
    } else {
      database = openPostgres(config.database.url, config.pgPoolSize, (err) =>
        log(`PostgreSQL: kết nối rảnh bị đóng (${err.message}); kết nối mới sẽ được mở khi cần.`),
      );
    }
  } catch (err) {
    // The database could not be opened (e.g. its folder is locked): stop the stand-ins that started.
    const started = await standIns.catch(() => undefined);
    await Promise.all(started?.processes.map((p) => p.stop()) ?? []);
    throw err;
  }
  let links: Awaited<typeof standIns>;
  try {
    links = await standIns;
  } catch (err) {
    await database.close();
    throw err;
  }
  config = links.config;
  try {
    await database.migrate();
    const { demo, story } = await seedDatabase(database, config);
    if (story) log('Đã nạp dữ liệu minh họa đợt kiểm tra 1–2/7/2025 (Tân Phú Đông, Tân Thới).');
    if (config.mode === 'production' && (await countDemoUsers(database.db)) > 0) {
      throw new Error('Production mode refuses to start while demo accounts exist: deactivate them first.');
    }
    const closers: Array<() => Promise<void>> = links.processes.map((p) => p.stop);
    // Citizens' sign-in: the configured provider, or in demo mode a local OpenID Connect provider
    // (its own process) with demo citizens.
    if (config.mode === 'demo' && !config.oidc.issuer) {
      const oidc = await startOidcStandInProcess({
        clientId: config.oidc.clientId,
        clientSecret: config.oidc.clientSecret,
        redirectUris: [config.oidc.redirectUrl],
        port: config.oidc.standInPort,
      });
      closers.push(oidc.close);
      config = { ...config, oidc: { ...config.oidc, issuer: oidc.issuer } };
      log(
        `Đăng nhập công dân (thử nghiệm): ${oidc.issuer} — mật khẩu công dân mẫu: ${DEMO_CITIZEN_PASSWORD}`,
      );
    }
    let app: FastifyInstance;
    let ctx: Awaited<ReturnType<typeof buildApp>>['ctx'];
    try {
      ({ app, ctx } = await buildApp(config, database));
    } catch (err) {
      for (const close of closers) await close();
      throw err;
    }
    // Notifications: configured gateways, or in demo mode local stand-ins that keep what they receive.
    let smtpUrl = config.smtpUrl;
    let smsUrl = config.smsUrl;
    if (config.mode === 'demo' && !smtpUrl) {
      const mail = await startSmtpStandIn({ dir: path.join(config.dataDir, 'mail') });
      closers.push(mail.close);
      smtpUrl = mail.url;
    }
    if (config.mode === 'demo' && !smsUrl) {
      const sms = await startSmsStandIn();
      closers.push(sms.close);
      smsUrl = sms.url;
    }
    const senders: Record<string, Sender> = {};
    if (smtpUrl) senders.email = smtpSender(smtpUrl, config.mailFrom);
    if (smsUrl) senders.sms = httpSmsSender(smsUrl);
    // Partners' webhook endpoints (modules/partners), signed with the server's partner secret.
    const secret = partnerSecret(config);
    if (secret) {
      const webhooks = webhookSender(database.db, secret, { timeoutMs: config.partners.webhookTimeoutMs });
      senders.webhook = webhooks;
      closers.push(webhooks.close);
    }
    const gate = ctx.fairGate;
    const worker = startOutboxWorker(database.db, {
      senders,
      portal: ctx.links.portal,
      files: ctx.files,
      maxFileBytes: config.maxUploadBytes,
      // Two lanes of 400 messages, 8 dossiers' runs in flight each (bench/portal-outage).
      batch: 400,
      lanes: 2,
      concurrency: 8,
      maxAttempts: config.outboxMaxAttempts,
      intervalMs: config.outboxIntervalMs,
      // The embedded database: requests first; the worker waits up to 2 s for a moment without one.
      yieldTo: gate ? () => gate.idle(2000) : undefined,
      onError: (err) => app.log.error({ err }, 'outbox delivery failed'),
    });
    // Autovacuum's work where nothing does it (db/maintenance.ts): always on the embedded database; on a
    // PostgreSQL whose autovacuum is off (not on Citus: its tables' rows are on the workers).
    const ownMaintenance =
      database.kind === 'pglite' ||
      ((await autovacuumOff(database.db)) && !(await isDistributed(database.db)));
    if (ownMaintenance && database.kind === 'postgres')
      app.log.warn(
        'autovacuum is off on this PostgreSQL: the server vacuums and analyzes its tables itself (docs/DATABASE.md)',
      );
    const maintenance = ownMaintenance
      ? startMaintenance(database.db, {
          yieldTo: gate ? () => gate.idle(2000) : undefined,
          onError: (err) => app.log.error({ err }, 'database maintenance failed'),
        })
      : undefined;
    // The daily anchor of the audit chains (docs/OPERATIONS.md "Audit trail").
    const stopAnchoring = startDailyAnchoring(database.db, config.auditAnchorDir, app.log);
    // The pull side (§8.5): the portal's online dossiers into the communes' online queues.
    const inbound = portalSyncOn(ctx)
      ? startInboundScheduler(ctx, {
          intervalMs: config.portalFetchIntervalMs,
          onError: (err) => app.log.error({ err }, 'inbound portal fetch failed'),
          onResult: (results) => {
            for (const r of results as Array<{
              unitCode: string;
              error?: string;
              result?: { queued: number };
            }>) {
              if (r.error)
                app.log.warn({ unitCode: r.unitCode, error: r.error }, 'inbound portal fetch failed');
              else if (r.result?.queued)
                app.log.info(
                  { unitCode: r.unitCode, queued: r.result.queued },
                  'online dossiers fetched from the portal',
                );
            }
          },
        })
      : undefined;
    app.addHook('onClose', async () => {
      stopAnchoring();
      await inbound?.stop();
      await worker.stop();
      await maintenance?.stop();
      for (const close of closers) await close();
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    return {
      app,
      database,
      url,
      demo,
      async stop() {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    await Promise.all(links.processes.map((p) => p.stop()));
    throw err;
  }
}

/**
 * In demo mode (MOTCUA_STANDINS=process), starts the portal and population stand-ins for links
 * without a configured URL, and returns the configuration pointing at them.
 */
async function startLinkStandIns(
  config: Config,
  log: (line: string) => void,
): Promise<{ config: Config; processes: StandInProcess[] }> {
  if (config.links.standIns !== 'process') return { config, processes: [] };
  const [portal, population] = await Promise.all([
    config.links.portal ? undefined : startStandInProcess('portal'),
    config.links.population ? undefined : startStandInProcess('population'),
  ]);
  const demoLink = (url: string) => ({
    url,
    clientId: 'motcua-demo',
    clientSecret: 'motcua-demo-secret',
    timeoutMs: 10_000,
    tls: {},
  });
  if (portal) log(`Cổng DVCQG (giả lập) / portal stand-in: ${portal.url}`);
  if (population) log(`CSDL dân cư qua LGSP (giả lập) / population stand-in: ${population.url}`);
  return {
    config: {
      ...config,
      links: {
        ...config.links,
        portal: config.links.portal ?? (portal ? demoLink(portal.url) : undefined),
        population:
          config.links.population ??
          (population ? { ...demoLink(population.url), integrationCode: 'MOTCUA-DEMO' } : undefined),
      },
    },
    processes: [portal, population].filter((p): p is StandInProcess => Boolean(p)),
  };
}
