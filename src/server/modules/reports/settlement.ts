import { and, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DossierFacts } from '../../../domain/reports/facts.ts';
import { index766 } from '../../../domain/reports/index-766.ts';
import { periodInstants, type ReportPeriod } from '../../../domain/reports/periods.ts';
import { type SettlementRow, settlementReport } from '../../../domain/reports/settlement.ts';
import type { NationalStatus } from '../../../domain/lifecycle/statuses.ts';
import type { Executor } from '../../db/client.ts';
import { dossierFiles, dossiers, procedures } from '../../db/schema.ts';

export type ReportGroup = 'field' | 'sector' | 'procedure' | 'unit';

/**
 * Facts of the dossiers that can count in a period: received before its end and not finished before
 * its start. The report arithmetic itself is the pure domain function, so screen, XLSX and PDF agree.
 */
export async function loadFacts(db: Executor, unitCodes: string[], period: ReportPeriod, group: ReportGroup): Promise<DossierFacts[]> {
  if (unitCodes.length === 0) return [];
  const { start, end } = periodInstants(period);
  const rows = await db
    .select({
      d: dossiers,
      fieldName: procedures.fieldName,
      sectorCode: procedures.sectorCode,
      sectorName: procedures.sectorName,
      procedureName: procedures.name,
      attachments: sql<number>`(SELECT count(*) FROM ${dossierFiles} f WHERE f.unit_code = ${dossiers.unitCode} AND f.dossier_code = ${dossiers.code})::int`,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.code, dossiers.procedureCode))
    .where(
      and(
        inArray(dossiers.unitCode, unitCodes),
        lt(dossiers.receivedAt, end),
        or(isNull(dossiers.processingEndedAt), gte(dossiers.processingEndedAt, start)),
      ),
    );
  return rows.map(({ d, fieldName, sectorCode, sectorName, procedureName, attachments }) => ({
    code: d.code,
    unitCode: d.unitCode,
    fieldCode: group === 'sector' ? sectorCode : d.fieldCode,
    fieldName: group === 'sector' ? sectorName : fieldName,
    procedureCode: d.procedureCode,
    procedureName,
    channel: d.channel as 1 | 2 | 3,
    status: d.status as NationalStatus,
    receivedAt: d.status === 1 || d.status === 3 ? null : d.receivedAt,
    dueAt: d.dueAt,
    dueAtLegal: d.dueAtLegal ?? d.dueAt,
    processingEndedAt: d.processingEndedAt,
    returnedAt: d.returnedAt,
    supplementRequests: d.supplementRequests,
    pausedSince: d.pausedAt,
    hasAttachments: Number(attachments) > (d.result ? 1 : 0),
    hasResultFile: d.result !== null,
    rating: null,
  }));
}

function presentRow(r: SettlementRow) {
  return {
    field: r.key,
    received: r.received,
    settled: r.settled,
    inProcess: r.inProcess,
    withdrawnOrStopped: r.withdrawnOrStopped,
  };
}

/** Biểu II.06a for communes over a period, grouped by field (default), sector, procedure or unit. */
export async function settlement(db: Executor, scope: { unit: { code: string; name: string }; communes: string[]; unitNames?: Record<string, string> }, period: ReportPeriod, group: ReportGroup) {
  const facts = await loadFacts(db, scope.communes, period, group);
  const report = settlementReport(facts, period, group === 'sector' ? 'field' : group, { unitNames: scope.unitNames });
  return {
    unit: scope.unit,
    from: period.from,
    to: period.to,
    groupBy: group,
    rows: report.rows.map(presentRow),
    total: { received: report.total.received.total, settled: report.total.settled.total, inProcess: report.total.inProcess.total, withdrawnOrStopped: report.total.withdrawnOrStopped },
    totalRow: presentRow(report.total),
    indicators: index766(facts, period),
  };
}
