import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { NO_SYNC, presentDossier } from '../dossiers/present.ts';
import type { DossierRow } from '../dossiers/repository.ts';
import type { DossierView } from '../dossiers/schemas.ts';
import { getDossier } from '../dossiers/service.ts';
import type { AuthUser, Scope } from '../identity/types.ts';
import { keyMatches, keyPrefixOf, newApiKey, webhookSecret } from './keys.ts';
import { type KeyScope, keyMay, mayManageKeys, mayManagePartners, type PartnerPermission } from './policy.ts';
import * as repo from './repository.ts';
import type {
  CreateKeyBody,
  CreateWebhookBody,
  FeedQuery,
  PartnerDossierSchema,
  PartnerKeySchema,
  WebhookSchema,
} from './schemas.ts';

/*
 * Partner systems of the province (issue 15 item 5): administrators issue scoped API keys and register
 * webhook endpoints; partners read dossiers of their scope with their key. Keys and endpoints are
 * global rows; the dossiers are read through the dossiers module (its scope check and presenter).
 */

type PartnerKey = z.infer<typeof PartnerKeySchema>;
type PartnerDossier = z.infer<typeof PartnerDossierSchema>;

/** A partner system authenticated by its key, for one request. */
export interface PartnerPrincipal {
  keyId: string;
  name: string;
  scope: KeyScope;
  permissions: string[];
  ratePerMinute: number;
}

function requireSecret(secret: Buffer | undefined): Buffer {
  if (!secret) throw new AppError('PARTNER_API_NOT_CONFIGURED');
  return secret;
}

/** The key's scope, with the province of a commune, from the unit reference data. */
async function scopeOfRow(ctx: AppContext, row: repo.KeyRow): Promise<KeyScope> {
  if (row.scopeKind === 'province') return { kind: 'province', code: row.scopeCode };
  const unit = await ctx.services.units.find(row.scopeCode);
  return { kind: 'unit', code: row.scopeCode, provinceCode: unit?.parentCode ?? '' };
}

/** A requested scope checked against the units: a commune, or a province, that exists. */
async function checkedScope(
  ctx: AppContext,
  s: { kind: 'commune' | 'province'; code: string },
): Promise<KeyScope> {
  const unit = await ctx.services.units.find(s.code);
  const level = s.kind === 'commune' ? 'commune' : 'province';
  if (!unit || unit.level !== level)
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'scope.code',
        message: s.kind === 'commune' ? 'Không có xã/phường mã này' : 'Không có tỉnh mã này',
      },
    ]);
  return s.kind === 'province'
    ? { kind: 'province', code: unit.code }
    : { kind: 'unit', code: unit.code, provinceCode: unit.parentCode ?? '' };
}

function presentWebhook(w: repo.WebhookRow): z.infer<typeof WebhookSchema> {
  return {
    id: w.id,
    url: w.url,
    events: w.events as z.infer<typeof WebhookSchema>['events'],
    createdAt: w.createdAt.toISOString(),
    disabledAt: w.disabledAt?.toISOString() ?? null,
  };
}

async function presentKey(
  ctx: AppContext,
  row: repo.KeyRow,
  webhooks: repo.WebhookRow[],
): Promise<PartnerKey> {
  const unit = await ctx.services.units.find(row.scopeCode);
  return {
    id: row.id,
    name: row.name,
    prefix: row.keyPrefix,
    scope: {
      kind: row.scopeKind === 'unit' ? 'commune' : 'province',
      code: row.scopeCode,
      name: unit?.fullName ?? row.scopeCode,
    },
    permissions: row.permissions,
    ratePerMinute: row.ratePerMinute,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    webhooks: webhooks.filter((w) => w.keyId === row.id).map(presentWebhook),
  };
}

/** Issues a key: the whole key is returned once (only its hash is kept). */
export async function createKey(
  ctx: AppContext,
  secret: Buffer | undefined,
  user: AuthUser,
  body: z.infer<typeof CreateKeyBody>,
) {
  if (!mayManagePartners(user)) throw new AppError('FORBIDDEN');
  const scope = await checkedScope(ctx, body.scope);
  if (!mayManageKeys(user, scope))
    throw new AppError('FORBIDDEN', 'Đơn vị này ngoài phạm vi quản trị của bạn');
  const made = newApiKey(requireSecret(secret));
  const row = {
    id: randomUUID(),
    keyPrefix: made.prefix,
    keyHash: made.hash,
    name: body.name,
    scopeKind: scope.kind,
    scopeCode: scope.code,
    ratePerMinute: body.ratePerMinute,
    permissions: [...new Set(body.permissions)],
    createdAt: ctx.now(),
    createdBy: user.id,
  } satisfies Parameters<typeof repo.insertKey>[1];
  // The key and its security event (the scope's chain: who issued which key, with what rights) commit together.
  await ctx.db.transaction(async (tx) => {
    await repo.insertKey(tx, row);
    await recordSecurityEvent(tx, {
      action: 'partner_key_created',
      unitCode: scope.code,
      actor: actorOf(user),
      data: {
        keyId: row.id,
        prefix: row.keyPrefix,
        scope: scope.kind === 'unit' ? 'commune' : 'province',
        permissions: row.permissions.join(' '),
        ratePerMinute: row.ratePerMinute,
      },
      at: row.createdAt,
    });
  });
  const stored = await repo.findKey(ctx.db, row.id);
  if (!stored) throw new Error('partner key not written');
  return { key: await presentKey(ctx, stored, []), secret: made.key };
}

/** The keys the administrator may manage, with their webhook endpoints. */
export async function listKeys(ctx: AppContext, user: AuthUser) {
  if (!mayManagePartners(user)) throw new AppError('FORBIDDEN');
  let within: { units: string[]; provinces: string[] } | undefined;
  if (user.unit?.level === 'commune') within = { units: [user.unit.code], provinces: [] };
  else if (user.unit?.level === 'province') {
    const communes = await ctx.services.units.list({ parent: user.unit.code });
    within = { units: communes.map((u) => u.code), provinces: [user.unit.code] };
  }
  const rows = await repo.listKeys(ctx.db, within);
  const webhooks = await repo.listWebhooks(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const r of rows) items.push(await presentKey(ctx, r, webhooks));
  return { items };
}

/** A key the administrator may manage, else 404 (keys outside their scope are not revealed). */
async function managedKey(ctx: AppContext, user: AuthUser, id: string) {
  if (!mayManagePartners(user)) throw new AppError('FORBIDDEN');
  const row = await repo.findKey(ctx.db, id);
  if (!row || !mayManageKeys(user, await scopeOfRow(ctx, row)))
    throw new AppError('NOT_FOUND', 'Không có khóa API này');
  return row;
}

/** Revokes a key: from this moment every request with it is refused (401) and its webhooks stop. */
export async function revokeKey(ctx: AppContext, user: AuthUser, id: string) {
  const key = await managedKey(ctx, user, id);
  // Revoked once: a second revocation changes nothing and records nothing.
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    if (!(await repo.revokeKey(tx, id, user.id, now))) return;
    await recordSecurityEvent(tx, {
      action: 'partner_key_revoked',
      unitCode: key.scopeCode,
      actor: actorOf(user),
      data: { keyId: id, prefix: key.keyPrefix },
      at: now,
    });
  });
  const row = await repo.findKey(ctx.db, id);
  return presentKey(ctx, row!, await repo.listWebhooks(ctx.db, [id]));
}

/** Registers a webhook endpoint for a key's scope; its signing secret is returned once. */
export async function createWebhook(
  ctx: AppContext,
  secret: Buffer | undefined,
  user: AuthUser,
  keyId: string,
  body: z.infer<typeof CreateWebhookBody>,
) {
  const key = await managedKey(ctx, user, keyId);
  const server = requireSecret(secret);
  let url: URL | undefined;
  try {
    url = new URL(body.url);
  } catch {
    url = undefined;
  }
  const allowed = ctx.config.partners.allowHttpWebhooks ? ['https:', 'http:'] : ['https:'];
  if (!url || !allowed.includes(url.protocol) || url.username || url.password)
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'url',
        message: ctx.config.partners.allowHttpWebhooks
          ? 'Địa chỉ phải bắt đầu bằng https:// hoặc http:// và không chứa tên đăng nhập'
          : 'Địa chỉ phải bắt đầu bằng https:// và không chứa tên đăng nhập',
      },
    ]);
  if (key.revokedAt)
    throw new AppError('VALIDATION_FAILED', 'Khóa đã bị thu hồi', [
      { path: 'keyId', message: 'Khóa đã bị thu hồi' },
    ]);
  if (!keyMay(key.permissions, 'webhooks'))
    throw new AppError('VALIDATION_FAILED', 'Khóa không có quyền nhận sự kiện (webhooks)', [
      { path: 'keyId', message: 'Khóa không có quyền webhooks' },
    ]);
  const row = {
    id: randomUUID(),
    keyId,
    url: url.toString(),
    events: [...new Set(body.events)],
    secretVersion: 1,
    createdAt: ctx.now(),
    createdBy: user.id,
  };
  await repo.insertWebhook(ctx.db, row);
  return {
    webhook: presentWebhook({ ...row, disabledAt: null }),
    secret: webhookSecret(server, row.id, row.secretVersion),
  };
}

/** Stops deliveries to an endpoint (messages already queued for it are dead-lettered when their turn comes). */
export async function disableWebhook(ctx: AppContext, user: AuthUser, id: string) {
  const hook = await repo.findWebhook(ctx.db, id);
  if (!hook) throw new AppError('NOT_FOUND', 'Không có địa chỉ nhận sự kiện này');
  await managedKey(ctx, user, hook.keyId);
  await repo.disableWebhook(ctx.db, id, ctx.now());
  return presentWebhook((await repo.findWebhook(ctx.db, id))!);
}

/**
 * The partner behind a request's key (`Authorization: Bearer <key>` or `X-API-Key`): a malformed,
 * unknown or revoked key is 401 API_KEY_INVALID, the same answer for each. Checked on every request
 * (no cache), so a revocation takes effect at once.
 */
export async function authenticateKey(
  ctx: AppContext,
  secret: Buffer | undefined,
  presented: string | undefined,
): Promise<PartnerPrincipal> {
  const server = requireSecret(secret);
  const prefix = presented ? keyPrefixOf(presented) : undefined;
  const row = prefix ? await repo.findKeyByPrefix(ctx.db, prefix) : undefined;
  if (!presented || !row || row.revokedAt || !keyMatches(server, presented, row.keyHash))
    throw new AppError('API_KEY_INVALID', undefined, undefined, {
      'www-authenticate': 'Bearer realm="motcua-partner"',
    });
  await repo.touchKey(ctx.db, row.id, ctx.now());
  return {
    keyId: row.id,
    name: row.name,
    scope: await scopeOfRow(ctx, row),
    permissions: row.permissions,
    ratePerMinute: row.ratePerMinute,
  };
}

function requirePermission(p: PartnerPrincipal, needed: PartnerPermission) {
  if (!keyMay(p.permissions, needed)) throw new AppError('FORBIDDEN', `Khóa không có quyền ${needed}`);
}

/** The user-side scope a partner key reads with (the dossiers module's scope check). */
function readScope(p: PartnerPrincipal): Scope {
  return p.scope.kind === 'unit'
    ? { kind: 'unit', unitCode: p.scope.code, provinceCode: p.scope.provinceCode }
    : { kind: 'province', provinceCode: p.scope.code };
}

/** The dossier JSON without what only staff see (officers, book, versions, files, sync); the applicant only with applicants:read. */
export function partnerView(v: DossierView, withApplicant: boolean, changedAt?: Date): PartnerDossier {
  return {
    code: v.code,
    status: v.status,
    statusName: v.statusName,
    channel: v.channel,
    unit: v.unit,
    procedure: v.procedure,
    subject: v.subject,
    returnMethod: v.returnMethod,
    documents: v.documents,
    receivedAt: v.receivedAt,
    dueAt: v.dueAt,
    dueAtOriginal: v.dueAtOriginal,
    pausedSince: v.pausedSince,
    processingEndedAt: v.processingEndedAt,
    returnedAt: v.returnedAt,
    timeliness: v.timeliness,
    hasResult: v.result !== null,
    applicant: withApplicant ? v.applicant : null,
    ...(changedAt ? { changedAt: changedAt.toISOString() } : {}),
  };
}

/** One dossier of the key's scope; another scope's dossier is 404 like an unknown one. */
export async function getPartnerDossier(ctx: AppContext, p: PartnerPrincipal, code: string) {
  requirePermission(p, 'dossiers:read');
  const view = await getDossier(ctx, readScope(p), code);
  return partnerView(view, keyMay(p.permissions, 'applicants:read'));
}

function encodeCursor(c: { at: Date; code: string }) {
  return Buffer.from(`${c.at.toISOString()}|${c.code}`, 'utf8').toString('base64url');
}

function decodeCursor(s: string): { at: Date; code: string } {
  const [at, code] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  const time = at ? new Date(at) : undefined;
  if (!time || Number.isNaN(time.getTime()) || !code || !/^[\p{L}\p{N}._-]{1,60}$/u.test(code))
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'after', message: 'Con trỏ trang không hợp lệ' },
    ]);
  return { at: time, code };
}

/** The dossiers of the key's scope changed after `since`, oldest change first, a page at a time. */
export async function listPartnerDossiers(
  ctx: AppContext,
  p: PartnerPrincipal,
  q: z.infer<typeof FeedQuery>,
) {
  requirePermission(p, 'dossiers:read');
  const after = q.after ? decodeCursor(q.after) : undefined;
  const changed = await repo.changedDossiers(
    ctx.db,
    p.scope.kind === 'unit'
      ? { kind: 'unit', unitCode: p.scope.code }
      : { kind: 'province', provinceCode: p.scope.code },
    { since: q.since ? new Date(q.since) : undefined, status: q.status, after, limit: q.limit + 1 },
  );
  const page = changed.slice(0, q.limit);
  const byUnit = new Map<string, string[]>();
  for (const c of page) byUnit.set(c.unitCode, [...(byUnit.get(c.unitCode) ?? []), c.code]);
  const rows = new Map<string, DossierRow>();
  for (const [unit, codes] of byUnit)
    for (const r of await repo.dossierRows(ctx.db, unit, codes)) rows.set(`${unit}/${r.code}`, r);
  const withApplicant = keyMay(p.permissions, 'applicants:read');
  const items: PartnerDossier[] = [];
  for (const c of page) {
    const d = rows.get(`${c.unitCode}/${c.code}`);
    if (!d) continue;
    const unit = await ctx.services.units.get(c.unitCode);
    const entry = await ctx.services.catalog.find(c.unitCode, d.procedureCode);
    const view = presentDossier({
      dossier: d,
      unit,
      procedureName: entry?.record.name ?? d.procedureCode,
      files: [],
      receivedBy: { username: '', fullName: '' },
      assignee: null,
      sync: NO_SYNC,
    });
    items.push(partnerView(view, withApplicant, c.changedAt));
  }
  const last = page[page.length - 1];
  return {
    items,
    nextCursor:
      changed.length > q.limit && last ? encodeCursor({ at: last.changedAt, code: last.code }) : null,
  };
}
