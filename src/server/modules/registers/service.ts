import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { isConcurrentWrite } from '../../db/errors.ts';
import type { equipment } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type AuditActor, CLI_ACTOR, recordSecurityEvent } from '../audit/security.ts';
import type { AuthUser } from '../identity/types.ts';
import { linkConsultation, ticketForIntake } from '../queue/service.ts';
import * as repo from './repository.ts';
import type { StaffInput } from './schemas.ts';
import { readStaffUpload } from './staff-import.ts';

/** Staff of a commune with whether each has had public-administration / one-stop training. */
export async function listStaff(db: Executor, unitCode: string) {
  const [rows, trained] = await Promise.all([
    repo.listActiveStaff(db, unitCode),
    repo.findOneStopTrainedIds(db, unitCode),
  ]);
  return rows.map((r) => ({ ...r, trainedOneStop: trained.has(r.id) }));
}

/** Adds people to the register in one transaction; refuses the whole batch if anyone is already there. */
export async function addStaff(
  ctx: AppContext,
  unitCode: string,
  people: StaffInput[],
  actor: AuditActor,
  action: 'register_staff_added' | 'register_staff_imported' = 'register_staff_added',
) {
  try {
    return await insertStaff(ctx, unitCode, people, actor, action);
  } catch (err) {
    // Someone added one of these people meanwhile (the same form sent twice at once): once more,
    // the check above the insert now finds them and says who.
    if (isConcurrentWrite(err)) return await insertStaff(ctx, unitCode, people, actor, action);
    throw err;
  }
}

function insertStaff(
  ctx: AppContext,
  unitCode: string,
  people: StaffInput[],
  actor: AuditActor,
  action: 'register_staff_added' | 'register_staff_imported',
) {
  const ids = people.map((p) => p.personalId).filter((x): x is string => Boolean(x));
  return ctx.db.transaction(async (tx) => {
    if (ids.length) {
      const existing = await repo.findStaffByPersonalIds(tx, unitCode, ids);
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
    await repo.insertStaff(tx, rows);
    await recordSecurityEvent(tx, {
      action,
      unitCode,
      actor,
      data: { count: rows.length, ...(rows.length === 1 ? { staffId: rows[0]!.id } : {}) },
      at: ctx.now(),
    });
    return rows.map((r) => r.id);
  });
}

/**
 * Imports a staffing workbook into a commune's register: all rows or none. Errors in the file come back
 * with their row numbers before anything is written.
 */
export async function importStaffXlsx(
  ctx: AppContext,
  unitCode: string,
  bytes: Buffer,
  actor: AuditActor = CLI_ACTOR,
) {
  const { rows, errors } = await readStaffUpload(ctx, bytes);
  if (errors.length) throw new AppError('VALIDATION_FAILED', `${errors.length} lỗi trong tệp nhập`, errors);
  if (rows.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Tệp không có dòng dữ liệu nào', [
      { path: 'file', message: 'Không có dữ liệu' },
    ]);
  await addStaff(ctx, unitCode, rows, actor, 'register_staff_imported');
  return { imported: rows.length };
}

export async function addTraining(
  ctx: AppContext,
  unitCode: string,
  t: { staffId: string; course: string; day: string; hours: number; coversOneStop: boolean },
  actor: AuditActor,
) {
  const person = await repo.findStaffMember(ctx.db, unitCode, t.staffId);
  if (!person)
    throw new AppError('VALIDATION_FAILED', 'Không có người này trong danh sách nhân sự của xã', [
      { path: 'staffId', message: 'Không tìm thấy' },
    ]);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertTraining(tx, { ...t, unitCode, id });
    await recordSecurityEvent(tx, {
      action: 'register_training_added',
      unitCode,
      actor,
      data: { trainingId: id, staffId: t.staffId },
      at: ctx.now(),
    });
  });
  return id;
}

/** Training records of a commune (or of one person), newest first, with the person's name. */
export function listTrainings(db: Executor, unitCode: string, staffId?: string) {
  return repo.listTrainings(db, unitCode, staffId);
}

export function listEquipment(db: Executor, unitCode: string) {
  return repo.listEquipment(db, unitCode);
}

export async function addEquipment(
  ctx: AppContext,
  unitCode: string,
  e: Omit<typeof equipment.$inferInsert, 'unitCode' | 'id'>,
  actor: AuditActor,
) {
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertEquipment(tx, { ...e, unitCode, id });
    await recordSecurityEvent(tx, {
      action: 'register_equipment_added',
      unitCode,
      actor,
      data: { equipmentId: id },
      at: ctx.now(),
    });
  });
  return id;
}

export function listConsultations(db: Executor, unitCode: string, from: Date, to: Date) {
  return repo.listConsultations(db, unitCode, from, to);
}

/**
 * A consultation is about a field of the commune's catalogue and, when named, one of its procedures in
 * that field (the form offers only those); anything else would count under a field no report names.
 */
async function checkConsultationSubject(
  ctx: AppContext,
  unitCode: string,
  fieldCode: string,
  procedureCode: string | null,
) {
  const catalogue = await ctx.services.catalog.list(unitCode);
  if (!catalogue.some((e) => e.record.field.code === fieldCode))
    throw new AppError('VALIDATION_FAILED', 'Lĩnh vực không có trong danh mục thủ tục của xã', [
      { path: 'fieldCode', message: 'Chọn một lĩnh vực trong danh mục thủ tục của xã' },
    ]);
  if (procedureCode === null) return;
  const procedure = catalogue.find((e) => e.record.code === procedureCode);
  if (!procedure || procedure.record.field.code !== fieldCode)
    throw new AppError('VALIDATION_FAILED', 'Thủ tục không thuộc lĩnh vực đã chọn trong danh mục của xã', [
      { path: 'procedureCode', message: 'Chọn một thủ tục của lĩnh vực đã chọn' },
    ]);
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
    queueTicketId?: string;
  },
  actor: AuditActor = { userId: officerId, role: null, username: null },
  /** The officer at the counter, when the consultation ends a queue ticket (`queueTicketId`). */
  user?: AuthUser,
) {
  if (c.queueTicketId && !user) throw new Error('a consultation of a queue ticket needs its officer');
  const ticket = c.queueTicketId && user ? await ticketForIntake(ctx, user, c.queueTicketId) : undefined;
  await checkConsultationSubject(ctx, unitCode, c.fieldCode, c.procedureCode ?? null);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertConsultation(tx, {
      unitCode,
      id,
      at: c.at ? new Date(c.at) : ctx.now(),
      fieldCode: c.fieldCode,
      procedureCode: c.procedureCode ?? null,
      channel: c.channel,
      subject: c.subject,
      officerId,
    });
    // The visit's ticket ends with this consultation, in the same transaction (the queue module's SQL).
    if (ticket) await linkConsultation(tx, { ...ticket, at: ctx.now() }, id);
    await recordSecurityEvent(tx, {
      action: 'register_consultation_added',
      unitCode,
      actor,
      data: { consultationId: id, fieldCode: c.fieldCode },
      at: ctx.now(),
    });
  });
  return id;
}
