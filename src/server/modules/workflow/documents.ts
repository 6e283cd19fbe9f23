import { addDays, toEpochDay, vnInstant } from '../../../domain/calendar/vn-time.ts';
import type { AppContext } from '../../context.ts';
import type { ControlSlipHandoff } from '../../documents/control-slip.ts';
import { AppError } from '../../errors.ts';
import { findUserByUsername, fullNamesOf } from '../identity/repository.ts';
import type { AuthUser } from '../identity/types.ts';
import { slipRatingUrl } from '../ratings/service.ts';
import type { UnitRow } from '../units/repository.ts';
import { workingUnit } from './policy.ts';
import * as repo from './repository.ts';
import { dossierUnit } from './service.ts';

const ROLE_UNITS: Record<string, string> = {
  reception: 'Bộ phận Một cửa (Trung tâm PVHCC)',
  specialist: 'Công chức chuyên môn',
  leader: 'Lãnh đạo UBND xã',
};

function issuer(unit: UnitRow) {
  const center = `Trung tâm Phục vụ hành chính công ${unit.fullName.replace(/^\p{Lu}/u, (m) => m.toLowerCase())}`;
  return {
    issuerLine1: `UBND ${unit.fullName.toUpperCase()}`,
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: unit.name,
    center,
  };
}

async function load(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await dossierUnit(ctx, user, code);
  const row = await repo.getDossierRow(ctx.db, unit.code, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND');
  const proc = await ctx.services.catalog.find(unit.code, row.procedureCode);
  return { unit, row, procedureName: proc?.record.name ?? row.procedureCode };
}

async function names(ctx: AppContext, ids: Array<string | null>) {
  return fullNamesOf(
    ctx.db,
    ids.filter((x): x is string => Boolean(x)),
  );
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ with one row per hand-off and its verdict. */
export async function controlSlipPdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row, procedureName } = await load(ctx, user, code);
  const steps = await repo.listSteps(ctx.db, unit.code, code);
  const who = await names(ctx, [
    ...steps.flatMap((s) => [s.fromUserId, s.toUserId]),
    row.receivedBy,
    row.assigneeId,
  ]);
  const handoffs: ControlSlipHandoff[] = steps.map((s, i) => ({
    fromUnit: ROLE_UNITS[s.fromRole ?? 'reception'] ?? '',
    toUnit: `${ROLE_UNITS[s.toRole] ?? s.toRole} — ${s.stepName}`,
    fromPerson: (s.fromUserId && who.get(s.fromUserId)) || '',
    toPerson: (s.toUserId && who.get(s.toUserId)) || '',
    at: s.handedAt,
    ...(i > 0 && steps[i - 1]!.verdict
      ? { verdict: steps[i - 1]!.verdict as ControlSlipHandoff['verdict'] }
      : {}),
    note: s.endedAt ? 'Đã xử lý' : 'Đang xử lý',
  }));
  const last = steps.at(-1);
  if (row.processingEndedAt && last && row.status >= 9) {
    handoffs.push({
      fromUnit: ROLE_UNITS[last.toRole] ?? '',
      toUnit: ROLE_UNITS.reception!,
      fromPerson: '',
      toPerson: '',
      at: row.processingEndedAt,
      ...(last.verdict ? { verdict: last.verdict as ControlSlipHandoff['verdict'] } : {}),
      note: 'Chuyển kết quả',
    });
  }
  if (row.returnedAt) {
    handoffs.push({
      fromUnit: ROLE_UNITS.reception!,
      toUnit: 'Người nộp hồ sơ (nhận kết quả)',
      fromPerson: '',
      toPerson: row.applicantName,
      at: row.returnedAt,
      ...(row.timeliness ? { verdict: row.timeliness as ControlSlipHandoff['verdict'] } : {}),
      note: 'Nhận kết quả',
    });
  }
  const i = issuer(unit);
  return ctx.workers.run('controlSlip', {
    issuerLine1: i.issuerLine1,
    issuerLine2: i.issuerLine2,
    code,
    applicantName: row.applicantName,
    subject: row.subject || procedureName,
    receivedAt: row.receivedAt,
    timeLimitText: (row.timeLimit as { text: string }).text,
    dueAt: row.dueAt,
    processingBody: `UBND ${unit.fullName}`,
    handoffs,
  });
}

/** The latest supplement request of a dossier as a Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export async function supplementSlipPdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row, procedureName } = await load(ctx, user, code);
  const found = (await repo.listPauses(ctx.db, unit.code, code))
    .filter((p) => p.kind === 'supplement')
    .at(-1);
  const note = row.intakeNote?.decision === 'supplement' ? row.intakeNote : undefined;
  // Before acceptance the guidance comes from the counter decision; after it, from the latest pause.
  const pause =
    found ??
    (note
      ? { seq: 1, fromAt: row.receivedAt, reason: note.reasons.join('; '), items: note.missing ?? [] }
      : undefined);
  if (!pause) throw new AppError('DOSSIER_NOT_FOUND', 'Hồ sơ chưa có yêu cầu bổ sung');
  const i = issuer(unit);
  const items = (
    (pause.items as Array<{
      name: string;
      originals?: number;
      certifiedCopies?: number;
      photocopies?: number;
    }> | null) ?? []
  ).map((it) => ({
    name: it.name,
    originals: it.originals ?? 0,
    certifiedCopies: it.certifiedCopies ?? 0,
    photocopies: it.photocopies ?? 0,
  }));
  const ratingUrl = await slipRatingUrl(ctx, user, unit.code, code);
  return ctx.workers.run('supplementSlip', {
    ...i,
    receivingBodyName: i.center,
    number: `${pause.seq}`,
    issuedAt: pause.fromAt,
    code,
    applicant: {
      fullName: row.applicantName,
      address: row.applicantAddress,
      phone: row.applicantPhone,
      email: row.applicantEmail,
      idNumber: row.applicantIdNumber,
    },
    subject: row.subject || procedureName,
    stage: found ? 'processing' : 'intake',
    items: items.length ? items : [{ name: pause.reason, originals: 0, certifiedCopies: 0, photocopies: 0 }],
    reason: pause.reason,
    contact: { website: ctx.config.publicUrl, officerName: user.fullName, phone: 'tại quầy tiếp nhận' },
    guideName: user.fullName,
    ratingUrl,
  });
}

/** Phiếu từ chối tiếp nhận giải quyết hồ sơ for a dossier refused at intake (status 3). */
export async function refusalSlipPdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row, procedureName } = await load(ctx, user, code);
  if (row.status !== 3) throw new AppError('DOSSIER_NOT_FOUND', 'Hồ sơ không bị từ chối tiếp nhận');
  const i = issuer(unit);
  const refuser =
    (row.receivedBy && (await names(ctx, [row.receivedBy])).get(row.receivedBy)) || user.fullName;
  const ratingUrl = await slipRatingUrl(ctx, user, unit.code, code);
  return ctx.workers.run('refusalSlip', {
    ...i,
    receivingBodyName: i.center,
    issuedAt: row.receivedAt,
    code,
    submittedAt: row.receivedAt,
    applicant: {
      fullName: row.applicantName,
      address: row.applicantAddress,
      phone: row.applicantPhone,
      email: row.applicantEmail,
      idNumber: row.applicantIdNumber,
    },
    subject: row.subject || procedureName,
    reasons: row.intakeNote?.reasons?.length ? row.intakeNote.reasons : ['Không đủ điều kiện tiếp nhận'],
    contact: { website: ctx.config.publicUrl, officerName: refuser, phone: 'tại quầy tiếp nhận' },
    refuserName: refuser,
    ratingUrl,
  });
}

/** The approved (or drafted) apology and re-appointment letter. */
export async function apologyPdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row, procedureName } = await load(ctx, user, code);
  const apology = row.apology as {
    reason?: string;
    newDueAt?: string;
    draftedAt?: string;
    approvedBy?: string;
  } | null;
  if (!apology?.newDueAt) throw new AppError('DOSSIER_NOT_FOUND', 'Hồ sơ không có văn bản xin lỗi');
  const i = issuer(unit);
  const leader = apology.approvedBy ? await findUserByUsername(ctx.db, apology.approvedBy) : undefined;
  return ctx.workers.run('apologyLetter', {
    ...i,
    issuedAt: row.rescheduledAt ?? new Date(apology.draftedAt ?? Date.now()),
    number: `${row.bookNumber}/TTPVHCC`,
    applicantName: row.applicantName,
    code,
    subject: row.subject || procedureName,
    receivedAt: row.receivedAt,
    originalDueAt: row.dueAtOriginal,
    responsibleUnit: `Công chức chuyên môn, UBND ${unit.fullName}`,
    reason: apology.reason ?? '',
    newDueAt: new Date(apology.newDueAt),
    returnPlace: i.center,
    signer: { title: 'GIÁM ĐỐC', name: leader?.fullName ?? '' },
  });
}

/** Thông báo dừng giải quyết hồ sơ for a stopped dossier. */
export async function stopNoticePdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row, procedureName } = await load(ctx, user, code);
  if (row.status !== 8) throw new AppError('DOSSIER_NOT_FOUND', 'Hồ sơ không ở trạng thái dừng xử lý');
  const events = await ctx.db.query.auditEvents.findMany({
    where: (e, { and: both, eq: is }) => both(is(e.unitCode, unit.code), is(e.dossierCode, code)),
    orderBy: (e, { desc }) => [desc(e.seq)],
    limit: 1,
  });
  const i = issuer(unit);
  return ctx.workers.run('stopNotice', {
    ...i,
    issuedAt: row.processingEndedAt ?? new Date(),
    code,
    applicant: {
      fullName: row.applicantName,
      address: row.applicantAddress,
      phone: row.applicantPhone,
      email: row.applicantEmail,
    },
    subject: row.subject || procedureName,
    receivedAt: row.receivedAt,
    reasons: [events[0]?.reason ?? 'Theo đề nghị của người nộp hồ sơ'],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' },
  });
}

/** The commune of a tracking-book request, and the period as instants, checked against the limits. */
async function bookPeriod(ctx: AppContext, user: AuthUser, from: string, to: string) {
  const working = workingUnit(user);
  if (!working) throw new AppError('FORBIDDEN', 'Sổ theo dõi hồ sơ thuộc từng xã');
  if (to < from)
    throw new AppError('VALIDATION_FAILED', 'Khoảng thời gian đảo ngược', [
      { path: 'to', message: 'Ngày kết thúc trước ngày bắt đầu' },
    ]);
  const { exportMaxDays } = ctx.config;
  const days = toEpochDay(to) - toEpochDay(from) + 1;
  if (days > exportMaxDays)
    throw new AppError(
      'EXPORT_TOO_LARGE',
      `Sổ theo dõi in được tối đa ${exportMaxDays} ngày một lần, khoảng đã chọn có ${days} ngày; hãy thu hẹp khoảng thời gian`,
      [{ path: 'to', message: `Tối đa ${exportMaxDays} ngày` }],
    );
  const unit = await ctx.services.units.get(working.unitCode);
  return { unit, start: vnInstant(from, 0), end: vnInstant(addDays(to, 1), 0) };
}

/** Dates the book prints for a line: the result received from the processing body, and the note. */
function bookFacts(line: repo.TrackingBookLine) {
  return {
    resultReceivedAt: line.status >= 9 ? line.processingEndedAt : null,
    note: line.status === 8 ? 'Dừng xử lý' : line.status === 7 ? 'Rút hồ sơ' : null,
  };
}

async function procedureNames(ctx: AppContext, unitCode: string) {
  const procs = await ctx.services.catalog.list(unitCode);
  return new Map(procs.map((p) => [p.record.code, p.record.name]));
}

/**
 * Lines of the tracking book of the user's commune for [from, to] (Vietnamese calendar days), a page
 * at a time, for the book's screen: the same period rules as the PDF.
 */
export async function trackingBookEntries(
  ctx: AppContext,
  user: AuthUser,
  q: { from: string; to: string; offset: number; limit: number },
) {
  const { unit, start, end } = await bookPeriod(ctx, user, q.from, q.to);
  const [total, lines, names] = await Promise.all([
    repo.countTrackingBook(ctx.db, unit.code, start, end),
    repo.listTrackingBook(ctx.db, unit.code, start, end, { limit: q.limit, offset: q.offset }),
    procedureNames(ctx, unit.code),
  ]);
  return {
    total,
    items: lines.map((line) => ({
      volume: line.volume,
      number: line.number,
      code: line.code,
      procedure: { code: line.procedureCode, name: names.get(line.procedureCode) ?? line.procedureCode },
      applicantName: line.applicantName,
      status: line.status,
      receivedAt: line.receivedAt.toISOString(),
      dueAt: line.dueAt?.toISOString() ?? null,
      transferredAt: line.transferredAt?.toISOString() ?? null,
      resultReceivedAt: bookFacts(line).resultReceivedAt?.toISOString() ?? null,
      returnedAt: line.returnedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Sổ theo dõi hồ sơ of the user's commune for [from, to] (Vietnamese calendar days). The book is
 * built in a worker from plain rows; a period longer than `exportMaxDays` or with more than
 * `exportMaxRows` dossiers is refused before anything is built.
 */
export async function trackingBookPdf(ctx: AppContext, user: AuthUser, from: string, to: string) {
  const { unit, start, end } = await bookPeriod(ctx, user, from, to);
  const { exportMaxRows } = ctx.config;
  // One row past the limit tells that the period holds too many dossiers without reading them all.
  const rows = await repo.listTrackingBook(ctx.db, unit.code, start, end, { limit: exportMaxRows + 1 });
  if (rows.length > exportMaxRows)
    throw new AppError(
      'EXPORT_TOO_LARGE',
      `Khoảng thời gian đã chọn có hơn ${exportMaxRows} hồ sơ, vượt số dòng in được một lần; hãy thu hẹp khoảng thời gian`,
      [{ path: 'from', message: `Tối đa ${exportMaxRows} hồ sơ` }],
    );
  const i = issuer(unit);
  const procName = await procedureNames(ctx, unit.code);
  return ctx.workers.run('trackingBook', {
    issuerLine1: i.issuerLine1,
    issuerLine2: i.issuerLine2,
    volume: rows[0]?.volume ?? from.slice(0, 4),
    period: { from, to },
    rows: rows.map((d) => ({
      number: d.number,
      code: d.code,
      procedureName: procName.get(d.procedureCode) ?? d.procedureCode,
      sets: d.sets,
      applicantName: d.applicantName,
      address: d.applicantAddress,
      phone: d.applicantPhone,
      processingBody: `UBND ${unit.fullName}`,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      transferredAt: d.transferredAt,
      returnedAt: d.returnedAt,
      ...bookFacts(d),
    })),
  });
}
