import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import {
  type PaymentCounts,
  type PublicityCounts,
  publicityCounts,
  withCatalogueIndicators,
  withoutData,
} from '../../../domain/reports/catalogue-766.ts';
import {
  communeFigures,
  consultationTotals,
  resultSplit,
  staffingComposition,
} from '../../../domain/reports/dashboard.ts';
import type { FeedbackCounts } from '../../../domain/reports/feedback-766.ts';
import { type CatalogueCounts, index766FromCounts, index766Full } from '../../../domain/reports/index-766.ts';
import {
  PERIOD_ERROR_NAMES,
  periodInstants,
  type ReportPeriod,
  reportCutoff,
  validatePeriod,
} from '../../../domain/reports/periods.ts';
import {
  NO_RESULT_COUNTS,
  type ResultCounts,
  rankByScore,
  SCORING_ASSUMPTION,
  score766,
  withResultIndicators,
} from '../../../domain/reports/score-766.ts';
import {
  addCounts,
  emptyCounts,
  type SettlementCounts,
  type SettlementRow,
  TOTAL_ROW_NAME,
} from '../../../domain/reports/settlement.ts';
import { type SyncCounts, withSyncIndicators } from '../../../domain/reports/sync-766.ts';
import type { AppContext } from '../../context.ts';
import { upperVi } from '../../documents/pdf.ts';
import { AppError } from '../../errors.ts';
import { feedbackIndicatorCounts } from '../feedback/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { BLOC_NAMES, CATEGORY_NAMES } from '../registers/schemas.ts';
import { dashboardUnit, defaultReportUnit, mayReadReport } from './policy.ts';
import type { ReportIssuer } from './register-exports.ts';
import type { ReportGroup, Uncollected, UnitCounts } from './repository.ts';
import * as repo from './repository.ts';
import type { DashboardQuery, SettlementQuery } from './schemas.ts';

/* The reports' use cases: who may read which unit (policy.ts), the SQL (repository.ts), the rules (src/domain/reports). */

export type ReportUnit = { code: string; name: string; level: 'commune' | 'province' | 'national' };
export type ReportScope = { unit: ReportUnit; communes: string[] };

const NO_RIGHT = 'Không có quyền xem báo cáo của đơn vị này';

/**
 * The communes a report covers: one commune, every commune of a province, or (administrators) all.
 * `unit` absent means the user's own unit. Units outside the user's scope are refused (403).
 */
export async function reportUnits(
  ctx: AppContext,
  user: AuthUser,
  unit: string | undefined,
): Promise<ReportScope> {
  const code = unit ?? defaultReportUnit(user);
  if (code === 'all') {
    if (!mayReadReport(user.scope, { level: 'national' }))
      throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống xem báo cáo toàn quốc');
    const communes = await ctx.services.units.list({ level: 'commune' });
    return {
      unit: { code: 'all', name: 'Toàn quốc', level: 'national' },
      communes: communes.map((c) => c.code),
    };
  }
  const u = await ctx.services.units.get(code);
  if (u.level === 'commune') {
    if (!mayReadReport(user.scope, { level: 'commune', code: u.code, provinceCode: u.parentCode ?? '' }))
      throw new AppError('FORBIDDEN', NO_RIGHT);
    return { unit: { code: u.code, name: u.fullName, level: 'commune' }, communes: [u.code] };
  }
  if (!mayReadReport(user.scope, { level: 'province', code: u.code }))
    throw new AppError('FORBIDDEN', NO_RIGHT);
  const communes = await ctx.services.units.list({ level: 'commune', parent: u.code });
  return {
    unit: { code: u.code, name: u.fullName, level: 'province' },
    communes: communes.map((c) => c.code),
  };
}

/** A period the reports accept, or a 422 saying why not. */
export function checkedPeriod(from: string, to: string): ReportPeriod {
  const period = { from, to };
  const error = validatePeriod(period);
  if (error)
    throw new AppError('VALIDATION_FAILED', PERIOD_ERROR_NAMES[error], [
      { path: 'to', message: PERIOD_ERROR_NAMES[error] },
    ]);
  return period;
}

/** The header of a report of a unit: the commune center, the province office, or the national system. */
export async function reportIssuer(ctx: AppContext, unit: { code: string }): Promise<ReportIssuer> {
  if (unit.code === 'all') return { line1: 'HỆ THỐNG MỘT CỬA', line2: 'TỔNG HỢP TOÀN QUỐC', place: 'Hà Nội' };
  const u = await ctx.services.units.get(unit.code);
  return {
    line1: `UBND ${upperVi(u.fullName)}`,
    line2: u.level === 'province' ? 'VĂN PHÒNG UBND TỈNH' : 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: u.name,
  };
}

export const fieldNames = repo.fieldNames;

function presentRow(r: SettlementCounts & { key: SettlementRow['key'] }, awaiting: number) {
  return {
    field: r.key,
    received: r.received,
    settled: r.settled,
    inProcess: r.inProcess,
    withdrawnOrStopped: r.withdrawnOrStopped,
    results: resultSplit(r.settled.total, awaiting),
  };
}

const NONE: Uncollected = { settledInPeriod: 0, backlog: 0 };

/** No synchronisation figures: 1.4 and 4.5 say "chưa thu thập". */
const NO_SYNC: SyncCounts = {
  received: 0,
  synced: 0,
  populationData: 0,
  syncCollected: false,
  populationCollected: false,
};

/** No catalogue publicity figures: 1.1 and 1.3 say "chưa thu thập". */
const NO_PUBLICITY: PublicityCounts = {
  toPost: 0,
  postedOnTime: 0,
  posted: 0,
  complete: 0,
  decisionsCollected: false,
  postingsCollected: false,
  activity: 0,
};

/** No payment figures: 3.5 and 3.6 say "chưa thu thập". */
const NO_PAYMENTS: PaymentCounts = {
  feeProcedures: 0,
  feeProceduresOnline: 0,
  catalogueCollected: false,
  feeDossiers: 0,
  paidOnline: 0,
  paymentsCollected: false,
};

/** The catalogue and payment figures of 1.1, 1.3, 3.5 and 3.6 (src/domain/reports/catalogue-766.ts). */
export interface CatalogueFigures {
  publicity: PublicityCounts;
  payments: PaymentCounts;
  /** 5.1–5.3: the feedback module's items (none: "chưa thu thập"). */
  feedback?: FeedbackCounts;
}

/**
 * 1.1/1.3 counts per commune: each commune's list judged with its province's working days (the
 * posting deadline counts working days from the decision).
 */
async function publicityByUnit(
  ctx: AppContext,
  codes: string[],
  period: ReportPeriod,
  cutoff: Date,
): Promise<Map<string, PublicityCounts>> {
  const [procs, communes] = await Promise.all([
    repo.catalogueProcedures(ctx.db, codes),
    ctx.services.units.list({ level: 'commune' }),
  ]);
  const province = new Map(communes.map((u) => [u.code, u.parentCode ?? ctx.config.defaultProvince]));
  // The cut-off is an instant (the period's end is the next midnight): its day is the one just before.
  const cutoffDay = vnDateOf(new Date(cutoff.getTime() - 1));
  const out = new Map<string, PublicityCounts>();
  for (const code of codes) {
    const cal = await ctx.services.calendar.forProvince(province.get(code) ?? ctx.config.defaultProvince);
    out.set(
      code,
      publicityCounts(procs.get(code) ?? [], period, cutoffDay, (d) => cal.isWorkingDay(d)),
    );
  }
  return out;
}

/** The 1.1/1.3 counts of several communes added up. */
function sumPublicity(all: Iterable<PublicityCounts>): PublicityCounts {
  const t = { ...NO_PUBLICITY };
  for (const c of all) {
    t.toPost += c.toPost;
    t.postedOnTime += c.postedOnTime;
    t.posted += c.posted;
    t.complete += c.complete;
    t.activity += c.activity;
    t.decisionsCollected ||= c.decisionsCollected;
    t.postingsCollected ||= c.postingsCollected;
  }
  return t;
}

/**
 * The report's API shape from counts already made. `uncollected` holds the results still at the desk
 * per group code (key `part\0code`, part '' when not split by commune); `cutoff` is the instant the
 * figures are judged at (docs/domain-vn.md §1.4).
 */
export function presentSettlement(
  counted: UnitCounts,
  scope: { unit: { code: string; name: string }; unitNames?: Record<string, string> },
  period: ReportPeriod,
  group: ReportGroup,
  cutoff: Date,
  uncollected: Map<string, Uncollected> = new Map(),
  part = '',
  catalogue?: CatalogueCounts,
  ratings: { rated: number; dissatisfied: number } = { rated: 0, dissatisfied: 0 },
  sync?: SyncCounts,
  results: ResultCounts = NO_RESULT_COUNTS,
  more: CatalogueFigures = { publicity: NO_PUBLICITY, payments: NO_PAYMENTS },
) {
  // Decision 766 5.4 counts the dossiers rated "Không hài lòng" (citizens rate online once a result is
  // returned, dossier_ratings); with no rating in the period the index says "chưa thu thập" instead of
  // a score nobody gave (docs/domain-vn.md §6.3).
  const indicatorCounts = { ...counted.indicators, dissatisfied: ratings.dissatisfied };
  const awaitingOf = (code: string) => (uncollected.get(`${part}\u0000${code}`) ?? NONE).settledInPeriod;
  const rows =
    group === 'unit'
      ? counted.rows.map((r) => ({
          ...r,
          key: { code: r.key.code, name: scope.unitNames?.[r.key.code] ?? r.key.code },
        }))
      : counted.rows;
  const total: SettlementRow = {
    key: { code: '', name: TOTAL_ROW_NAME },
    ...rows.reduce(addCounts, emptyCounts()),
  };
  let awaitingTotal = 0;
  let backlog = 0;
  for (const [k, u] of uncollected) {
    if (!k.startsWith(`${part}\u0000`)) continue;
    awaitingTotal += u.settledInPeriod;
    backlog += u.backlog;
  }
  return {
    unit: scope.unit,
    from: period.from,
    to: period.to,
    cutoff: cutoff.toISOString(),
    groupBy: group,
    rows: rows.map((r) => presentRow(r, awaitingOf(r.key.code))),
    total: {
      received: total.received.total,
      settled: total.settled.total,
      inProcess: total.inProcess.total,
      withdrawnOrStopped: total.withdrawnOrStopped,
    },
    totalRow: presentRow(total, awaitingTotal),
    resultsBacklog: backlog,
    indicators: index766FromCounts(indicatorCounts),
    index766: catalogue ? fullIndex() : undefined,
  };

  function fullIndex() {
    const index = withCatalogueIndicators(
      withResultIndicators(
        withSyncIndicators(
          index766Full(indicatorCounts, catalogue as CatalogueCounts, {
            ratingsCollected: ratings.rated > 0,
            feedback: more.feedback,
          }),
          sync ?? NO_SYNC,
        ),
        results,
      ),
      more.publicity,
      more.payments,
    );
    // A period with no dossier received, processed or settled and no procedure decided or posted has
    // nothing to judge: every indicator says so (catalogue-766.ts `withoutData`).
    const activity =
      indicatorCounts.processed +
      indicatorCounts.receivedInPeriod +
      results.settled +
      (sync?.received ?? 0) +
      more.publicity.activity +
      (more.feedback
        ? Object.values(more.feedback.byCategory).reduce((a, b) => a + b, 0) +
          more.feedback.processed +
          more.feedback.rated
        : 0);
    return activity === 0 ? withoutData(index) : index;
  }
}

export type Settlement = ReturnType<typeof presentSettlement>;

/** Biểu II.06a for the communes of a scope over a period, as a report made at `now` sees it. */
export async function buildSettlement(
  ctx: AppContext,
  scope: ReportScope,
  period: ReportPeriod,
  group: ReportGroup,
): Promise<Settlement & { onlineFilings: { total: number; assisted: number } }> {
  const cutoff = reportCutoff(periodInstants(period), ctx.now());
  const unitNames =
    group === 'unit'
      ? Object.fromEntries(
          (await ctx.services.units.list({ level: 'commune' }))
            .filter((u) => scope.communes.includes(u.code))
            .map((u) => [u.code, u.fullName]),
        )
      : undefined;
  const [
    counted,
    uncollected,
    catalogue,
    ratings,
    sync,
    onlineFilings,
    results,
    publicity,
    payments,
    feedback,
  ] = await Promise.all([
    repo.settlementCounts(ctx.db, scope.communes, period, group, cutoff),
    repo.uncollectedResults(ctx.db, scope.communes, period, group, false),
    repo.catalogueCounts(ctx.db, scope.communes, period),
    repo.ratingCounts(ctx.db, scope.communes, period),
    repo.syncCounts(ctx.db, scope.communes, period, cutoff),
    repo.onlineFilingCounts(ctx.db, scope.communes, period),
    repo.resultCounts(ctx.db, scope.communes, period),
    publicityByUnit(ctx, scope.communes, period, cutoff).then((m) => sumPublicity(m.values())),
    repo.paymentCounts(ctx.db, scope.communes, period, cutoff),
    feedbackIndicatorCounts(ctx, scope.communes, periodInstants(period), cutoff),
  ]);
  const settlement = presentSettlement(
    counted,
    { unit: scope.unit, unitNames },
    period,
    group,
    cutoff,
    uncollected,
    '',
    catalogue,
    ratings,
    sync,
    results,
    { publicity, payments, feedback },
  );
  return { ...settlement, onlineFilings };
}

/** GET /reports/settlement: Biểu II.06a of a unit the user may read. */
export async function settlementReport(ctx: AppContext, user: AuthUser, q: Omit<SettlementQuery, 'format'>) {
  const period = checkedPeriod(q.from, q.to);
  const scope = await reportUnits(ctx, user, q.unit);
  return buildSettlement(ctx, scope, period, q.groupBy);
}

export async function buildStaffing(ctx: AppContext, scope: ReportScope) {
  const [rows, training] = await Promise.all([
    repo.staffCounts(ctx.db, scope.communes),
    repo.centerTrainingByUnit(ctx.db, scope.communes, false),
  ]);
  return {
    unit: scope.unit,
    ...staffingComposition(rows, CATEGORY_NAMES, BLOC_NAMES, training.get('') ?? { staff: 0, trained: 0 }),
  };
}
export type Staffing = Awaited<ReturnType<typeof buildStaffing>>;

export async function buildConsultations(ctx: AppContext, scope: ReportScope, period: ReportPeriod) {
  const { start, end } = periodInstants(period);
  return {
    unit: scope.unit,
    from: period.from,
    to: period.to,
    ...consultationTotals(await repo.consultationCounts(ctx.db, scope.communes, start, end)),
  };
}
export type Consultations = Awaited<ReturnType<typeof buildConsultations>>;

export async function buildEquipment(ctx: AppContext, scope: ReportScope) {
  const rows = await repo.listEquipment(ctx.db, scope.communes);
  return {
    unit: scope.unit,
    items: rows.map((r) => ({
      kind: r.kind,
      name: r.name,
      quantity: r.quantity,
      condition: r.condition,
      meetsNeed: r.meetsNeed,
      note: r.note,
    })),
    allMeetNeed: rows.length > 0 && rows.every((r) => r.meetsNeed),
    notMeeting: rows.filter((r) => !r.meetsNeed).map((r) => r.name),
  };
}
export type Equipment = Awaited<ReturnType<typeof buildEquipment>>;

/**
 * The province dashboard: the communes side by side over a period, judged at its cut-off. Set-based:
 * one settlement statement grouped by commune and field (with the cut-off correction), one for
 * results at the desk, one for center staff, one for consultations.
 */
export async function dashboard(ctx: AppContext, user: AuthUser, q: DashboardQuery) {
  const period = checkedPeriod(q.from, q.to);
  const scope = await reportUnits(ctx, user, dashboardUnit(user, q.province, ctx.config.defaultProvince));
  const communes = (await ctx.services.units.list({ level: 'commune' })).filter(
    (u) => scope.communes.includes(u.code) && (q.active === 'false' || u.isActive),
  );
  const bounds = periodInstants(period);
  const cutoff = reportCutoff(bounds, ctx.now());
  const codes = communes.map((c) => c.code);
  const [counted, uncollected, training, consulted, resultTimes, publicity, perCommune] = await Promise.all([
    repo.settlementCountsByUnit(ctx.db, codes, period, 'field', true, cutoff),
    repo.uncollectedResults(ctx.db, codes, period, 'unit', true),
    repo.centerTrainingByUnit(ctx.db, codes),
    repo.consultationsByUnit(ctx.db, codes, bounds.start, bounds.end),
    repo.resultCountsByUnit(ctx.db, codes, period),
    publicityByUnit(ctx, codes, period, cutoff),
    // The catalogue, ratings, sync and payment figures of the 766 index are counted per commune.
    Promise.all(
      codes.map(async (code) => {
        const [catalogue, ratings, sync, payments, feedback] = await Promise.all([
          repo.catalogueCounts(ctx.db, [code], period),
          repo.ratingCounts(ctx.db, [code], period),
          repo.syncCounts(ctx.db, [code], period, cutoff),
          repo.paymentCounts(ctx.db, [code], period, cutoff),
          feedbackIndicatorCounts(ctx, [code], bounds, cutoff),
        ]);
        return [code, { catalogue, ratings, sync, payments, feedback }] as const;
      }),
    ).then((entries) => new Map(entries)),
  ]);
  const unranked = communes.map((c) => {
    const more = perCommune.get(c.code);
    const s = presentSettlement(
      counted.get(c.code) ?? { rows: [], indicators: repo.noIndicatorCounts() },
      { unit: { code: c.code, name: c.fullName } },
      period,
      'field',
      cutoff,
      new Map(),
      '',
      more?.catalogue ?? { offered: 0, offeredOnline: 0, onlineWithDossiers: 0 },
      more?.ratings,
      more?.sync,
      resultTimes.get(c.code) ?? NO_RESULT_COUNTS,
      {
        publicity: publicity.get(c.code) ?? NO_PUBLICITY,
        payments: more?.payments ?? NO_PAYMENTS,
        feedback: more?.feedback,
      },
    );
    const index = s.index766 ?? [];
    const scored = score766(index);
    const staffing = training.get(c.code) ?? { staff: 0, trained: 0 };
    const atDesk = uncollected.get(`${c.code}\u0000${c.code}`) ?? NONE;
    const results = resultSplit(s.totalRow.settled.total, atDesk.settledInPeriod);
    return {
      unit: { code: c.code, name: c.fullName, portalConnected: c.portalConnected },
      byField: s.rows.map((row) => ({
        code: row.field.code,
        name: row.field.name,
        received: row.received.total,
      })),
      ...communeFigures(s.totalRow, s.indicators),
      resultsReturned: results.returned,
      resultsAwaiting: results.awaiting,
      resultsBacklog: atDesk.backlog,
      consultations: consulted.get(c.code) ?? 0,
      centerStaff: staffing.staff,
      centerStaffTrained: staffing.trained,
      code: c.code,
      score: scored.score,
      index766: {
        score: scored.score,
        attainable: scored.attainable,
        assumption: SCORING_ASSUMPTION,
        groups: scored.groups,
        components: scored.components.map((k) => {
          const i = index.find((x) => x.id === k.id);
          return { ...k, name: i?.name ?? '', value: i?.value ?? null, ...(i?.unit ? { unit: i.unit } : {}) };
        }),
      },
    };
  });
  // Decision 766 ranks units by their index score (src/domain/reports/score-766.ts).
  const rows = rankByScore(unranked).map(({ code: _code, score: _score, ...r }) => r);
  return {
    province: scope.unit,
    from: period.from,
    to: period.to,
    cutoff: cutoff.toISOString(),
    communes: rows,
  };
}
