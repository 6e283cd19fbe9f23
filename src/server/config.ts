import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_FEEDBACK_CLOCKS,
  type FeedbackClocks,
  parseFeedbackClocks,
} from '../domain/feedback/feedback.ts';

/*
 * The only place that reads process.env: everything is validated at start, in one place. Validated once at start; everything else
 * receives a Config.
 */

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MOTCUA_DATA_DIR: z.string().default('.motcua'),
  MOTCUA_FILES_DIR: z.string().optional(),
  MOTCUA_AUDIT_ANCHOR_DIR: z.string().optional(),
  MOTCUA_MODE: z.enum(['demo', 'production']).optional(),
  MOTCUA_DEMO_PASSWORD: z.string().min(8).optional(),
  MOTCUA_PUBLIC_URL: z.string().url().optional(),
  MOTCUA_DEFAULT_PROVINCE: z
    .string()
    .regex(/^\d{2}$/)
    .default('82'),
  MOTCUA_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  MOTCUA_SESSION_HOURS: z.coerce.number().positive().default(10),
  MOTCUA_MAX_UPLOAD_MB: z.coerce.number().positive().default(5),
  MOTCUA_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  MOTCUA_LOGIN_LOCK_SECONDS: z.coerce.number().int().positive().default(300),
  MOTCUA_LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(0).default(50),
  MOTCUA_LOGIN_DEVICE_DAYS: z.coerce.number().int().positive().default(90),
  MOTCUA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  MOTCUA_PG_POOL: z.coerce.number().int().min(1).max(500).default(20),
  MOTCUA_SMTP_URL: z.string().url().optional(),
  MOTCUA_MAIL_FROM: z.string().default('Trung tâm Phục vụ hành chính công <motcua@localhost>'),
  MOTCUA_SMS_URL: z.string().url().optional(),
  MOTCUA_METRICS_TOKEN: z.string().min(16).optional(),
  MOTCUA_WORKER_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  MOTCUA_WORKER_HEAP_MB: z.coerce.number().int().min(64).default(384),
  MOTCUA_QUEUE_TICKETS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  MOTCUA_FEEDBACK_DAYS: z
    .string()
    .refine((v) => parseFeedbackClocks(v) !== undefined, 'Bốn số ngày làm việc, ví dụ 2,5,15,2')
    .optional(),
  MOTCUA_EXPORT_MAX_ROWS: z.coerce.number().int().positive().default(2000),
  MOTCUA_EXPORT_MAX_DAYS: z.coerce.number().int().positive().default(366),
  MOTCUA_IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().default(10),
  MOTCUA_IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(5000),
  MOTCUA_OIDC_ISSUER: z.string().url().optional(),
  MOTCUA_OIDC_CLIENT_ID: z.string().min(1).default('motcua'),
  MOTCUA_OIDC_CLIENT_SECRET: z.string().min(16).optional(),
  MOTCUA_OIDC_REDIRECT_URL: z.string().url().optional(),
  MOTCUA_OIDC_SCOPE: z.string().min(6).default('openid profile'),
  MOTCUA_OIDC_STANDIN_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MOTCUA_CITIZEN_SESSION_HOURS: z.coerce.number().positive().default(2),
  MOTCUA_OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  MOTCUA_PORTAL_URL: z.string().url().optional(),
  MOTCUA_PORTAL_SYNC: z.enum(['on', 'off']).default('on'),
  MOTCUA_PORTAL_FETCH_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  MOTCUA_PRACTICE: z.enum(['on', 'off']).default('on'),
  MOTCUA_PRACTICE_DIR: z.string().optional(),
  MOTCUA_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  MOTCUA_PORTAL_CLIENT_ID: z.string().min(1).default('motcua-demo'),
  MOTCUA_PORTAL_CLIENT_SECRET: z.string().min(1).default('motcua-demo-secret'),
  MOTCUA_POPULATION_URL: z.string().url().optional(),
  MOTCUA_POPULATION_CLIENT_ID: z.string().min(1).default('motcua-demo'),
  MOTCUA_POPULATION_CLIENT_SECRET: z.string().min(1).default('motcua-demo-secret'),
  MOTCUA_POPULATION_INTEGRATION_CODE: z.string().min(1).max(60).default('MOTCUA'),
  MOTCUA_LINK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MOTCUA_LINK_CA_FILE: z.string().min(1).optional(),
  MOTCUA_LINK_CERT_FILE: z.string().min(1).optional(),
  MOTCUA_LINK_KEY_FILE: z.string().min(1).optional(),
  MOTCUA_STANDINS: z.enum(['process', 'off']).optional(),
  MOTCUA_PARTNER_SECRET: z.string().min(32).optional(),
  MOTCUA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MOTCUA_WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  /** Where the audit anchors are appended (audit-anchors.jsonl); keep it off the database's disk, append-only. */
  auditAnchorDir: string;
  mode: 'demo' | 'production';
  demoPassword: string | undefined;
  publicUrl: string;
  /** False when MOTCUA_PUBLIC_URL was not given and the receipt's QR code points at localhost (demo only). */
  publicUrlConfigured: boolean;
  /** Bearer token for /metrics; without it /metrics answers only loopback clients. */
  metricsToken: string | undefined;
  defaultProvince: string;
  cookieSecure: boolean;
  sessionHours: number;
  maxUploadBytes: number;
  maxAttachments: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  /** Wrong passwords one client address may try per lock window across all usernames; 0 turns it off. */
  loginAddressMaxFailures: number;
  /** How long a browser stays trusted (device cookie) after its user last signed in on it. */
  loginDeviceDays: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Where notifications go; in demo mode, local stand-ins are started when these are unset. */
  smtpUrl: string | undefined;
  mailFrom: string;
  smsUrl: string | undefined;
  outboxIntervalMs: number;
  /**
   * Citizens' sign-in (OpenID Connect, docs/domain-vn.md §8.4). Without an issuer, demo mode starts the
   * local provider (oidc-standin.ts) and fills it in; production then has no citizen sign-in.
   */
  oidc: {
    issuer: string | undefined;
    clientId: string;
    clientSecret: string;
    redirectUrl: string;
    scope: string;
    standInPort: number;
  };
  citizenSessionHours: number;
  /** Failed tries after which an outbox message is dead-lettered (an operator may retry it). */
  outboxMaxAttempts: number;
  /** Dossier events are sent to the national portal: MOTCUA_PORTAL_SYNC=on (default) and a portal link configured. */
  portalSync: boolean;
  /** How often the portal's online dossiers (status 1) are fetched into the communes' online queues; only while portalSync. */
  portalFetchIntervalMs: number;
  /**
   * The training center (practice mode): its own embedded database, never the real one. `dataDir`
   * unset = in memory, fresh demo data at every start.
   */
  practice: { enabled: boolean; dataDir: string | undefined };
  /** Honour X-Forwarded-For (only behind a reverse proxy; otherwise clients could spoof their address). */
  trustProxy: boolean;
  pgPoolSize: number;
  /** Worker threads that build PDF/XLSX documents and read uploaded workbooks. */
  workerThreads: number;
  /** Old-generation heap cap of one worker: a document past it fails alone, the server stays up. */
  workerHeapMb: number;
  /** Queue tickets one client address may take per minute (the hall's kiosks are public devices). */
  queueTicketsPerMinute: number;
  /** Working days of the feedback (PAKN) clocks: decision, first information request, handling, publication. */
  feedbackClocks: FeedbackClocks;
  /** Largest export: rows of the tracking book, and days it may cover. */
  exportMaxRows: number;
  exportMaxDays: number;
  /** Largest workbook upload: unpacked bytes (all entries together) and data rows. */
  importMaxUnpackedBytes: number;
  importMaxRows: number;
  /**
   * Links to the national portal (DVCQG) and the provincial data-sharing platform (population
   * database), docs/domain-vn.md §8. A link without a URL is not configured; in demo mode the local
   * stand-ins are started as processes and fill the URLs in (`standIns: 'process'`).
   */
  links: {
    portal: LinkConfig | undefined;
    population: (LinkConfig & { integrationCode: string }) | undefined;
    standIns: 'process' | 'off';
  };
  /**
   * The Partner API (modules/partners): the server secret that peppers key hashes and derives webhook
   * secrets (demo mode without it keeps a generated one in the data folder), the deadline of one
   * webhook delivery, and whether endpoints may be plain http (default: only in demo mode).
   */
  partners: { secret: string | undefined; webhookTimeoutMs: number; allowHttpWebhooks: boolean };
}

export interface LinkConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  tls: { caFile?: string; certFile?: string; keyFile?: string };
}

export class ConfigError extends Error {}

function linksFrom(e: z.infer<typeof EnvSchema>, mode: 'demo' | 'production'): Config['links'] {
  if (Boolean(e.MOTCUA_LINK_CERT_FILE) !== Boolean(e.MOTCUA_LINK_KEY_FILE))
    throw new ConfigError(
      'MOTCUA_LINK_CERT_FILE and MOTCUA_LINK_KEY_FILE go together (client certificate and its key)',
    );
  const tls = {
    caFile: e.MOTCUA_LINK_CA_FILE,
    certFile: e.MOTCUA_LINK_CERT_FILE,
    keyFile: e.MOTCUA_LINK_KEY_FILE,
  };
  const timeoutMs = e.MOTCUA_LINK_TIMEOUT_MS;
  return {
    portal: e.MOTCUA_PORTAL_URL
      ? {
          url: e.MOTCUA_PORTAL_URL,
          clientId: e.MOTCUA_PORTAL_CLIENT_ID,
          clientSecret: e.MOTCUA_PORTAL_CLIENT_SECRET,
          timeoutMs,
          tls,
        }
      : undefined,
    population: e.MOTCUA_POPULATION_URL
      ? {
          url: e.MOTCUA_POPULATION_URL,
          clientId: e.MOTCUA_POPULATION_CLIENT_ID,
          clientSecret: e.MOTCUA_POPULATION_CLIENT_SECRET,
          integrationCode: e.MOTCUA_POPULATION_INTEGRATION_CODE,
          timeoutMs,
          tls,
        }
      : undefined,
    standIns: e.MOTCUA_STANDINS ?? (mode === 'demo' ? 'process' : 'off'),
  };
}

/** Reads and validates configuration from an environment record (process.env at start). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const mode = e.MOTCUA_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'demo');
  if (mode === 'production' && e.MOTCUA_DEMO_PASSWORD) {
    throw new ConfigError(
      'MOTCUA_DEMO_PASSWORD must not be set in production mode: demo accounts exist only in demo mode',
    );
  }
  if (mode === 'production' && !e.MOTCUA_PUBLIC_URL) {
    throw new ConfigError(
      'MOTCUA_PUBLIC_URL là bắt buộc ở chế độ production (địa chỉ công khai in trong mã QR của giấy tiếp nhận) / MOTCUA_PUBLIC_URL is required in production mode: it is the base of the tracking link in the receipt QR code',
    );
  }
  if (e.MOTCUA_OIDC_ISSUER && !e.MOTCUA_OIDC_CLIENT_SECRET) {
    throw new ConfigError('MOTCUA_OIDC_CLIENT_SECRET is required when MOTCUA_OIDC_ISSUER is set');
  }
  const dataDir = path.resolve(e.MOTCUA_DATA_DIR);
  const publicUrl = (e.MOTCUA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pgdata') },
    dataDir,
    filesDir: path.resolve(e.MOTCUA_FILES_DIR ?? path.join(dataDir, 'files')),
    auditAnchorDir: path.resolve(e.MOTCUA_AUDIT_ANCHOR_DIR ?? path.join(dataDir, 'audit-anchors')),
    mode,
    demoPassword: e.MOTCUA_DEMO_PASSWORD,
    publicUrl,
    publicUrlConfigured: Boolean(e.MOTCUA_PUBLIC_URL),
    metricsToken: e.MOTCUA_METRICS_TOKEN,
    defaultProvince: e.MOTCUA_DEFAULT_PROVINCE,
    cookieSecure: e.MOTCUA_COOKIE_SECURE ? e.MOTCUA_COOKIE_SECURE === 'true' : mode === 'production',
    sessionHours: e.MOTCUA_SESSION_HOURS,
    maxUploadBytes: Math.round(e.MOTCUA_MAX_UPLOAD_MB * 1024 * 1024),
    maxAttachments: 5,
    loginMaxFailures: e.MOTCUA_LOGIN_MAX_FAILURES,
    loginLockSeconds: e.MOTCUA_LOGIN_LOCK_SECONDS,
    loginAddressMaxFailures: e.MOTCUA_LOGIN_ADDRESS_MAX_FAILURES,
    loginDeviceDays: e.MOTCUA_LOGIN_DEVICE_DAYS,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.MOTCUA_SMTP_URL,
    mailFrom: e.MOTCUA_MAIL_FROM,
    smsUrl: e.MOTCUA_SMS_URL,
    outboxIntervalMs: e.MOTCUA_OUTBOX_INTERVAL_MS,
    queueTicketsPerMinute: e.MOTCUA_QUEUE_TICKETS_PER_MINUTE,
    feedbackClocks: e.MOTCUA_FEEDBACK_DAYS
      ? (parseFeedbackClocks(e.MOTCUA_FEEDBACK_DAYS) ?? DEFAULT_FEEDBACK_CLOCKS)
      : DEFAULT_FEEDBACK_CLOCKS,
    oidc: {
      issuer: e.MOTCUA_OIDC_ISSUER,
      clientId: e.MOTCUA_OIDC_CLIENT_ID,
      // Only the local demo provider is ever given this default (an issuer requires a secret, above).
      clientSecret: e.MOTCUA_OIDC_CLIENT_SECRET ?? 'motcua-demo-oidc-client-secret',
      redirectUrl: e.MOTCUA_OIDC_REDIRECT_URL ?? `${publicUrl}/api/v1/auth/citizen/callback`,
      scope: e.MOTCUA_OIDC_SCOPE,
      standInPort: e.MOTCUA_OIDC_STANDIN_PORT,
    },
    citizenSessionHours: e.MOTCUA_CITIZEN_SESSION_HOURS,
    outboxMaxAttempts: e.MOTCUA_OUTBOX_MAX_ATTEMPTS,
    portalSync: e.MOTCUA_PORTAL_SYNC === 'on',
    portalFetchIntervalMs: e.MOTCUA_PORTAL_FETCH_INTERVAL_MS,
    practice: {
      enabled: e.MOTCUA_PRACTICE === 'on',
      dataDir: e.MOTCUA_PRACTICE_DIR ? path.resolve(e.MOTCUA_PRACTICE_DIR) : undefined,
    },
    trustProxy: e.MOTCUA_TRUST_PROXY === 'true',
    pgPoolSize: e.MOTCUA_PG_POOL,
    // One core stays with the main thread, which answers every request.
    workerThreads: e.MOTCUA_WORKER_THREADS ?? Math.max(1, os.availableParallelism() - 1),
    workerHeapMb: e.MOTCUA_WORKER_HEAP_MB,
    exportMaxRows: e.MOTCUA_EXPORT_MAX_ROWS,
    exportMaxDays: e.MOTCUA_EXPORT_MAX_DAYS,
    importMaxUnpackedBytes: Math.round(e.MOTCUA_IMPORT_MAX_UNPACKED_MB * 1024 * 1024),
    importMaxRows: e.MOTCUA_IMPORT_MAX_ROWS,
    links: linksFrom(e, mode),
    partners: {
      secret: e.MOTCUA_PARTNER_SECRET,
      webhookTimeoutMs: e.MOTCUA_WEBHOOK_TIMEOUT_MS,
      allowHttpWebhooks: e.MOTCUA_WEBHOOK_ALLOW_HTTP
        ? e.MOTCUA_WEBHOOK_ALLOW_HTTP === 'true'
        : mode === 'demo',
    },
  };
}
