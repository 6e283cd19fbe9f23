import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { consultations, equipment, staff } from '../../db/schema.ts';
import { BLOC_NAMES, CATEGORY_NAMES } from '../registers/schemas.ts';

/** Staffing composition of a commune: by category, by bloc (cán bộ and công chức), by unit; training coverage of center staff. */
export async function staffingReport(db: Executor, unitCodes: string[]) {
  const rows = await db
    .select({
      category: staff.category,
      bloc: staff.bloc,
      orgUnit: staff.orgUnit,
      orgUnitKind: staff.orgUnitKind,
      n: sql<number>`count(*)::int`,
    })
    .from(staff)
    .where(and(inArray(staff.unitCode, unitCodes), eq(staff.isActive, true)))
    .groupBy(staff.category, staff.bloc, staff.orgUnit, staff.orgUnitKind);
  const sum = (f: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(f).reduce((n, r) => n + Number(r.n), 0);
  const byCategory = Object.entries(CATEGORY_NAMES).map(([code, name]) => ({
    code,
    name,
    count: sum((r) => r.category === code),
  }));
  const officials = (r: (typeof rows)[number]) => r.category === 'can_bo' || r.category === 'cong_chuc';
  const byBloc = Object.entries(BLOC_NAMES).map(([code, name]) => ({
    code,
    name,
    count: sum((r) => officials(r) && r.bloc === code),
  }));
  const units = new Map<string, { name: string; kind: string; count: number }>();
  for (const r of rows) {
    const u = units.get(r.orgUnit) ?? { name: r.orgUnit, kind: r.orgUnitKind, count: 0 };
    u.count += Number(r.n);
    units.set(r.orgUnit, u);
  }
  const center = await db.execute(sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trainings t WHERE t.unit_code = s.unit_code AND t.staff_id = s.id AND t.covers_one_stop))::int AS trained
    FROM staff s WHERE s.unit_code IN (${sql.join(
      unitCodes.map((u) => sql`${u}`),
      sql`, `,
    )}) AND s.is_active AND s.org_unit_kind = 'center'`);
  const c = (center as unknown as { rows: Array<{ total: number; trained: number }> }).rows[0] ?? {
    total: 0,
    trained: 0,
  };
  return {
    total: sum(() => true),
    officials: sum(officials),
    byCategory,
    byBloc,
    byUnit: [...units.values()].sort((a, b) => b.count - a.count),
    centerTraining: {
      staff: Number(c.total),
      trained: Number(c.trained),
      rate: Number(c.total) ? Math.round((Number(c.trained) / Number(c.total)) * 10000) / 100 : null,
    },
  };
}

/** Consultations given in [from, to) by field and channel. */
export async function consultationsReport(db: Executor, unitCodes: string[], from: Date, to: Date) {
  const rows = await db
    .select({
      fieldCode: consultations.fieldCode,
      channel: consultations.channel,
      n: sql<number>`count(*)::int`,
    })
    .from(consultations)
    .where(
      and(inArray(consultations.unitCode, unitCodes), gte(consultations.at, from), lt(consultations.at, to)),
    )
    .groupBy(consultations.fieldCode, consultations.channel);
  const byField = new Map<string, number>();
  const byChannel = new Map<string, number>();
  for (const r of rows) {
    byField.set(r.fieldCode, (byField.get(r.fieldCode) ?? 0) + Number(r.n));
    byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + Number(r.n));
  }
  return {
    total: rows.reduce((n, r) => n + Number(r.n), 0),
    byField: [...byField].map(([code, count]) => ({ code, count })),
    byChannel: [...byChannel].map(([channel, count]) => ({ channel, count })),
  };
}

/** Equipment of the center and whether it meets the need. */
export async function equipmentReport(db: Executor, unitCodes: string[]) {
  const rows = await db.select().from(equipment).where(inArray(equipment.unitCode, unitCodes));
  return {
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

/** Center staff and those trained in one-stop work, per commune (communes without center staff are absent). */
export async function centerTrainingByUnit(db: Executor, unitCodes: string[]) {
  const out = new Map<string, { staff: number; trained: number }>();
  if (unitCodes.length === 0) return out;
  const result = await db.execute(sql`
    SELECT s.unit_code, count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trainings t WHERE t.unit_code = s.unit_code AND t.staff_id = s.id AND t.covers_one_stop))::int AS trained
    FROM staff s WHERE s.unit_code IN (${sql.join(
      unitCodes.map((u) => sql`${u}`),
      sql`, `,
    )}) AND s.is_active AND s.org_unit_kind = 'center'
    GROUP BY s.unit_code`);
  for (const r of (
    result as unknown as { rows: Array<{ unit_code: string; total: number; trained: number }> }
  ).rows)
    out.set(r.unit_code, { staff: Number(r.total), trained: Number(r.trained) });
  return out;
}

/** Consultations given in [from, to), per commune (communes without any are absent). */
export async function consultationsByUnit(db: Executor, unitCodes: string[], from: Date, to: Date) {
  const out = new Map<string, number>();
  if (unitCodes.length === 0) return out;
  const rows = await db
    .select({ unitCode: consultations.unitCode, n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(
      and(inArray(consultations.unitCode, unitCodes), gte(consultations.at, from), lt(consultations.at, to)),
    )
    .groupBy(consultations.unitCode);
  for (const r of rows) out.set(r.unitCode, Number(r.n));
  return out;
}
