import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { isConcurrentWrite } from '../../db/errors.ts';
import { consultations, equipment, staff, trainings } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { StaffInput } from './schemas.ts';
import { readStaffUpload } from './staff-import.ts';

/** Staff of a commune with whether each has had public-administration / one-stop training. */
export async function listStaff(db: Executor, unitCode: string) {
  const rows = await db
    .select()
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.isActive, true)))
    .orderBy(asc(staff.orgUnit), asc(staff.fullName));
  const trained = await db
    .selectDistinct({ staffId: trainings.staffId })
    .from(trainings)
    .where(and(eq(trainings.unitCode, unitCode), eq(trainings.coversOneStop, true)));
  const set = new Set(trained.map((t) => t.staffId));
  return rows.map((r) => ({ ...r, trainedOneStop: set.has(r.id) }));
}

/** Adds people to the register in one transaction; refuses the whole batch if anyone is already there. */
export async function addStaff(ctx: AppContext, unitCode: string, people: StaffInput[]) {
  try {
    return await insertStaff(ctx, unitCode, people);
  } catch (err) {
    // Someone added one of these people meanwhile (the same form sent twice at once): once more,
    // the check above the insert now finds them and says who.
    if (isConcurrentWrite(err)) return await insertStaff(ctx, unitCode, people);
    throw err;
  }
}

function insertStaff(ctx: AppContext, unitCode: string, people: StaffInput[]) {
  const ids = people.map((p) => p.personalId).filter((x): x is string => Boolean(x));
  return ctx.db.transaction(async (tx) => {
    if (ids.length) {
      const existing = await tx
        .select({ personalId: staff.personalId, fullName: staff.fullName })
        .from(staff)
        .where(and(eq(staff.unitCode, unitCode), inArray(staff.personalId, ids)));
      if (existing.length) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Người đã có trong danh sách',
          existing.map((e) => ({
            path: `personalId:${e.personalId}`,
            message: `${e.fullName} (${e.personalId}) đã có trong danh sách`,
          })),
        );
      }
    }
    const rows = people.map((p) => ({
      ...p,
      unitCode,
      id: randomUUID(),
      bloc: p.bloc ?? null,
      personalId: p.personalId ?? null,
    }));
    for (let i = 0; i < rows.length; i += 200) await tx.insert(staff).values(rows.slice(i, i + 200));
    return rows.map((r) => r.id);
  });
}

/**
 * Imports a staffing workbook into a commune's register: all rows or none. Errors in the file come back
 * with their row numbers before anything is written.
 */
export async function importStaffXlsx(ctx: AppContext, unitCode: string, bytes: Buffer) {
  const { rows, errors } = await readStaffUpload(ctx, bytes);
  if (errors.length) throw new AppError('VALIDATION_FAILED', `${errors.length} lỗi trong tệp nhập`, errors);
  if (rows.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Tệp không có dòng dữ liệu nào', [
      { path: 'file', message: 'Không có dữ liệu' },
    ]);
  await addStaff(ctx, unitCode, rows);
  return { imported: rows.length };
}

export async function addTraining(
  ctx: AppContext,
  unitCode: string,
  t: { staffId: string; course: string; day: string; hours: number; coversOneStop: boolean },
) {
  const person = await ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.id, t.staffId)))
    .limit(1);
  if (!person[0])
    throw new AppError('VALIDATION_FAILED', 'Không có người này trong danh sách nhân sự của xã', [
      { path: 'staffId', message: 'Không tìm thấy' },
    ]);
  const id = randomUUID();
  await ctx.db.insert(trainings).values({ ...t, unitCode, id });
  return id;
}

/** Training records of a commune (or of one person), newest first, with the person's name. */
export async function listTrainings(db: Executor, unitCode: string, staffId?: string) {
  return db
    .select({
      id: trainings.id,
      staffId: trainings.staffId,
      fullName: staff.fullName,
      course: trainings.course,
      day: trainings.day,
      hours: trainings.hours,
      coversOneStop: trainings.coversOneStop,
    })
    .from(trainings)
    .innerJoin(staff, and(eq(staff.unitCode, trainings.unitCode), eq(staff.id, trainings.staffId)))
    .where(and(eq(trainings.unitCode, unitCode), staffId ? eq(trainings.staffId, staffId) : undefined))
    .orderBy(desc(trainings.day), asc(staff.fullName));
}

export async function listEquipment(db: Executor, unitCode: string) {
  return db
    .select()
    .from(equipment)
    .where(eq(equipment.unitCode, unitCode))
    .orderBy(asc(equipment.kind), asc(equipment.name));
}

export async function addEquipment(
  ctx: AppContext,
  unitCode: string,
  e: Omit<typeof equipment.$inferInsert, 'unitCode' | 'id'>,
) {
  const id = randomUUID();
  await ctx.db.insert(equipment).values({ ...e, unitCode, id });
  return id;
}

export async function listConsultations(db: Executor, unitCode: string, from: Date, to: Date) {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.unitCode, unitCode), gte(consultations.at, from), lt(consultations.at, to)))
    .orderBy(asc(consultations.at));
}

export async function addConsultation(
  ctx: AppContext,
  unitCode: string,
  officerId: string,
  c: {
    at?: string;
    fieldCode: string;
    procedureCode?: string | null;
    channel: 'counter' | 'phone' | 'online';
    subject: string;
  },
) {
  const id = randomUUID();
  await ctx.db.insert(consultations).values({
    unitCode,
    id,
    at: c.at ? new Date(c.at) : ctx.now(),
    fieldCode: c.fieldCode,
    procedureCode: c.procedureCode ?? null,
    channel: c.channel,
    subject: c.subject,
    officerId,
  });
  return id;
}
