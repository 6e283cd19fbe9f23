import { and, eq, sql } from 'drizzle-orm';
import type { DossierEvent } from '../../../domain/lifecycle/events.ts';
import type { NationalStatus } from '../../../domain/lifecycle/statuses.ts';
import { FILE_REF_PREFIX, type PortalFileRef } from '../../../domain/portal/contract.ts';
import type { DossierForPortal, PortalContext } from '../../../domain/portal/payload.ts';
import {
  type PortalActor,
  type PortalReceivedView,
  refreshesPortalDossier,
} from '../../../domain/portal/sync.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { preparedStatement } from '../../db/prepared.ts';
import { auditEvents, dossierFiles, dossierPauses, dossiers, populationLookups } from '../../db/schema.ts';
import { type DossierFacts, presentFacts } from '../dossiers/present.ts';

/*
 * The ONE place that builds the national portal's view of a dossier (docs/domain-vn.md §8.2) from
 * motcua's data: counter intake, online intake (citizen portal and the inbound fetch) and every event
 * that refreshes the portal's copy go through here, so no channel forgets its "create" and every
 * update carries the same fields. The mapping to the portal's payload itself is pure
 * (src/domain/portal/payload.ts); this module gathers its inputs, in the caller's transaction.
 */

/** Dossier events are sent to the portal: MOTCUA_PORTAL_SYNC=on and a portal link configured. */
export function portalSyncOn(ctx: Pick<AppContext, 'config' | 'links'>): boolean {
  return Boolean(ctx.config.portalSync && ctx.links.portal);
}

/** The facts of a dossier the view reads: a stored row, or an intake's row before the statement numbers it. */
type ViewFacts = DossierFacts &
  Partial<Pick<typeof dossiers.$inferSelect, 'result' | 'citizenSubject' | 'portalCode'>>;

interface ViewUnit {
  code: string;
  fullName: string;
}
interface ViewProcedure {
  code: string;
  name: string;
  field: { code: string; name: string };
  fees: ReadonlyArray<{ name: string; amount: number | null }>;
}
type ViewFile = Pick<typeof dossierFiles.$inferSelect, 'id' | 'fileName' | 'storageKey'>;

/** Who acted, as the portal's progress entry names them; a citizen is named as the applicant. */
export function portalActor(
  unit: ViewUnit,
  actor: { fullName: string; title: string },
  portalCode?: string | null,
): PortalActor {
  return { actorName: actor.fullName, actorTitle: actor.title, unitName: unit.fullName, portalCode };
}

/**
 * The portal's view of a dossier. Its files are named by reference (FILE_REF_PREFIX + id): the
 * delivery uploads them through the portal's file upload before sending the dossier.
 */
export function portalView(input: {
  /** '' while the intake statement has not formed the code yet. */
  code: string;
  unit: ViewUnit;
  procedure: ViewProcedure;
  dossier: ViewFacts;
  files: ViewFile[];
  actor: PortalActor;
  submittedAt?: Date | null;
  refusedAt?: Date | null;
  supplements?: PortalContext['supplements'];
  databases?: string[];
}): PortalReceivedView {
  const d = input.dossier;
  const result = d.result as { fileId?: string; fileName?: string } | null | undefined;
  const resultId = result?.fileId ? String(result.fileId) : undefined;
  const attachments = input.files.filter((f) => f.id !== resultId);
  const fileUrls = Object.fromEntries(attachments.map((f) => [f.id, `${FILE_REF_PREFIX}${f.id}`]));
  const files: PortalFileRef[] = input.files.map((f) => ({
    id: f.id,
    storageKey: f.storageKey,
    fileName: f.fileName,
  }));
  const dossier: DossierForPortal = {
    ...presentFacts(d),
    code: d.portalCode || input.code,
    status: d.status as NationalStatus,
    unit: { code: input.unit.code, name: input.unit.fullName },
    procedure: { code: input.procedure.code, name: input.procedure.name },
    attachments: attachments.map((f) => ({ id: f.id, fileName: f.fileName })),
    result: resultId ? { fileId: resultId, fileName: String(result?.fileName ?? '') } : null,
    submittedAt: input.submittedAt?.toISOString() ?? null,
    refusedAt: input.refusedAt?.toISOString() ?? null,
    vneidVerified: Boolean(d.citizenSubject) || d.channel === 2,
  };
  const context: PortalContext = {
    field: input.procedure.field,
    fees: input.procedure.fees.map((f) => ({ name: f.name, amount: f.amount })),
    fileUrls,
    resultUrl: resultId ? `${FILE_REF_PREFIX}${resultId}` : undefined,
    databases: input.databases,
    supplements: input.supplements,
  };
  return { ...input.actor, portalCode: d.portalCode || undefined, dossier, context, files };
}

/** The procedure as the catalogue of the dossier's commune knows it (its code as name when it was removed). */
async function procedureOf(ctx: AppContext, unitCode: string, procedureCode: string, fieldCode: string) {
  const entry = await ctx.services.catalog.find(unitCode, procedureCode);
  if (entry) return entry.record;
  return { code: procedureCode, name: procedureCode, field: { code: fieldCode, name: fieldCode }, fees: [] };
}

/** A supplement request as the portal's view reads it (JSON of dossier_pauses). */
interface StoredSupplement {
  reason: string;
  fromAt: string;
  toAt: string | null;
  dueBefore: string;
  dueAfter: string | null;
  items: unknown[] | null;
}

/**
 * Everything the portal's view of a stored dossier reads, in one statement: the row, its files (in
 * upload order), when it was submitted and refused (its audit events), its supplement requests and
 * whether the population database confirmed its applicant.
 */
const storedFacts = preparedStatement('motcua_portal_view', (db) => {
  // The subqueries name the commune and the dossier by the statement's values, not by the outer row:
  // Citus routes a statement to one shard only when the values prove it.
  const unit = sql.placeholder('unit');
  const code = sql.placeholder('code');
  return db
    .select({
      dossier: dossiers,
      files: sql<Array<[string, string, string]> | null>`(
        SELECT json_agg(json_build_array(f.id, f.file_name, f.storage_key) ORDER BY f.created_at, f.id)
        FROM ${dossierFiles} f WHERE f.unit_code = ${unit}::text AND f.dossier_code = ${code}::text)`,
      submittedAt: sql<Date | null>`(
        SELECT min(a.at) FROM ${auditEvents} a
        WHERE a.unit_code = ${unit}::text AND a.dossier_code = ${code}::text)`.mapWith(auditEvents.at),
      refusedAt: sql<Date | null>`(
        SELECT max(a.at) FILTER (WHERE a.to_status = 3) FROM ${auditEvents} a
        WHERE a.unit_code = ${unit}::text AND a.dossier_code = ${code}::text)`.mapWith(auditEvents.at),
      supplements: sql<StoredSupplement[] | null>`(
        SELECT json_agg(json_build_object('reason', p.reason, 'fromAt', p.from_at, 'toAt', p.to_at,
          'dueBefore', p.due_before, 'dueAfter', p.due_after, 'items', p.items) ORDER BY p.seq)
        FROM ${dossierPauses} p
        WHERE p.unit_code = ${unit}::text AND p.dossier_code = ${code}::text AND p.kind = 'supplement')`,
      confirmed: sql<boolean>`EXISTS (
        SELECT 1 FROM ${populationLookups} l
        WHERE l.unit_code = ${unit}::text AND l.dossier_code = ${code}::text AND l.outcome = 'found')`,
    })
    .from(dossiers)
    .where(and(eq(dossiers.unitCode, unit), eq(dossiers.code, code)))
    .limit(1);
});

const isoOf = (v: string | null) => (v ? new Date(v).toISOString() : null);

/**
 * The portal's view of a stored dossier as the caller's transaction sees it (after its change):
 * its files, its submission and refusal times, the supplements asked for, the databases consulted.
 */
export async function storedPortalView(
  ctx: AppContext,
  tx: Executor,
  unit: ViewUnit,
  code: string,
  actor: PortalActor,
): Promise<PortalReceivedView> {
  const [facts] = await storedFacts(tx, { unit: unit.code, code });
  if (!facts) throw new Error(`no dossier ${code} for the portal view`);
  const row = facts.dossier;
  return portalView({
    code,
    unit,
    procedure: await procedureOf(ctx, unit.code, row.procedureCode, row.fieldCode),
    dossier: row,
    files: (facts.files ?? []).map(([id, fileName, storageKey]) => ({ id, fileName, storageKey })),
    actor: { ...actor, portalCode: row.portalCode },
    submittedAt: facts.submittedAt,
    refusedAt: facts.refusedAt,
    supplements: (facts.supplements ?? []).map((p) => ({
      requestedBy: unit.fullName,
      content: p.reason || 'Yêu cầu bổ sung giấy tờ',
      requestedAt: isoOf(p.fromAt) ?? '',
      receivedAt: isoOf(p.toAt),
      dueBefore: isoOf(p.dueBefore) ?? '',
      dueAfter: isoOf(p.dueAfter),
      items: ((p.items ?? []) as Array<{ name?: unknown }>).map((i) => ({ name: String(i.name ?? '') })),
    })),
    databases: facts.confirmed ? ['CSDLQGDC'] : [],
  });
}

/**
 * What the recorder needs to send an event to the portal: nothing when the synchronisation is off;
 * the dossier's view when the event refreshes the portal's copy (REFRESHES_DOSSIER); else the actor.
 * Call it in the event's transaction, after the dossier's change was written.
 */
export async function eventPortalView(
  ctx: AppContext,
  tx: Executor,
  event: DossierEvent,
  at: { unit: ViewUnit; code: string; portalCode: string | null },
  actor: { fullName: string; title: string },
): Promise<PortalActor | PortalReceivedView | undefined> {
  if (!portalSyncOn(ctx)) return undefined;
  const who = portalActor(at.unit, actor, at.portalCode);
  return refreshesPortalDossier(event) ? storedPortalView(ctx, tx, at.unit, at.code, who) : who;
}
