import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import type { ProcedureRecord } from '../../../domain/catalog/procedure.ts';
import { missingParts } from '../../../domain/reports/catalogue-766.ts';
import { matchesSearch } from '../../../domain/text/fold.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { cached } from '../../lib/cache.ts';
import type { AuthUser } from '../identity/types.ts';
import type { UnitsService } from '../units/service.ts';
import { mayEditPublication, mayRecordPosting } from './policy.ts';
import {
  findListing,
  findProcedureRecord,
  findPublication,
  listUnitProcedures,
  procedureExists,
  updatePosting,
  updatePublication,
} from './repository.ts';

export interface CatalogEntry {
  no: number;
  record: ProcedureRecord;
  searchText: string;
}

/** Summary of fees in one line, as printed in a public catalogue. */
export function feeText(record: ProcedureRecord): string {
  if (record.fees.length === 0) return 'Không thu phí, lệ phí';
  return record.fees
    .map((f) => {
      if (f.amount === null) return `${f.name}: theo mức do Hội đồng nhân dân tỉnh quy định`;
      if (f.amount === 0) return `${f.name}: miễn phí`;
      const example = f.provinceSet ? ' (mức tham khảo, do tỉnh quy định)' : '';
      return `${f.name}: ${f.amount.toLocaleString('vi-VN')} ${f.unitText ?? 'đồng'}${example}`;
    })
    .join('; ');
}

export function createCatalogService(db: Db, units: UnitsService) {
  const byUnit = cached(async (unitCode: string) => {
    const rows = await listUnitProcedures(db, unitCode);
    const entries: CatalogEntry[] = rows.map((r, i) => ({
      no: i + 1,
      record: r.procedure.record as unknown as ProcedureRecord,
      searchText: r.procedure.searchText,
    }));
    return { entries, byCode: new Map(entries.map((e) => [e.record.code, e])) };
  }, 60_000);

  async function activeUnit(unitCode: string) {
    const unit = await units.get(unitCode);
    if (unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', 'Danh mục thủ tục thuộc về một xã');
    if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
    return unit;
  }

  return {
    invalidate: () => byUnit.clear(),
    /** The numbered catalogue of a commune, filtered by a diacritic-insensitive query. */
    async list(unitCode: string, q?: string) {
      await activeUnit(unitCode);
      const { entries } = await byUnit(unitCode);
      return q ? entries.filter((e) => matchesSearch(e.searchText, q)) : entries;
    },
    async find(unitCode: string, code: string) {
      return (await byUnit(unitCode)).byCode.get(code);
    },
    /** Whether the national catalogue has this procedure (another unit may offer it). */
    exists: (code: string) => procedureExists(db, code),
    async get(unitCode: string, code: string) {
      await activeUnit(unitCode);
      const entry = (await byUnit(unitCode)).byCode.get(code);
      if (!entry) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
      return entry;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

/**
 * PUT /procedures/:code/publication (administrator): the decision publishing a procedure, its steps
 * and whether its fees are paid online. The decision may not be dated after today. One statement.
 */
export async function savePublication(
  ctx: AppContext,
  user: AuthUser,
  code: string,
  body: { decision: string; decidedOn: string; steps: string[]; onlinePayment: boolean | null },
) {
  if (!mayEditPublication(user))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống ghi nhận quyết định công bố thủ tục');
  const current = await findPublication(ctx.db, code);
  if (!current) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
  if (body.decidedOn > vnDateOf(ctx.now()))
    throw new AppError('VALIDATION_FAILED', 'Ngày quyết định công bố không được sau ngày hôm nay', [
      { path: 'decidedOn', message: 'Ngày quyết định công bố không được sau ngày hôm nay' },
    ]);
  await updatePublication(ctx.db, code, body);
  ctx.services.catalog.invalidate();
  const saved = (await findPublication(ctx.db, code))!;
  return publicationView(saved, await listedRecord(ctx, code));
}

async function listedRecord(ctx: AppContext, code: string) {
  const rows = await findProcedureRecord(ctx.db, code);
  return rows as unknown as ProcedureRecord | null;
}

function publicationView(
  p: NonNullable<Awaited<ReturnType<typeof findPublication>>>,
  record: ProcedureRecord | null,
) {
  const steps = p.steps ?? [];
  return {
    code: p.code,
    decision: p.decision ?? '',
    decidedOn: p.decidedOn ?? '',
    steps,
    onlinePayment: p.onlinePayment,
    hasFee: p.hasFee,
    missingParts: missingParts({
      name: record?.name,
      steps,
      channels: record?.channels,
      documents: record?.documents,
      timeLimitText: record?.timeLimit?.text,
      applicants: record?.applicants,
      agency: record?.agency,
    }),
  };
}

/**
 * PUT /procedures/:code/posting?unit= (the commune's leader, its province, the administrator): the day
 * the commune publicly posted a procedure of its list, and where. Not in the future, not before the
 * decision publishing it; null withdraws the record.
 */
export async function savePosting(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string,
  code: string,
  body: { postedOn: string | null; postedWhere: 'center' | 'portal' | 'both' | null },
) {
  const unit = await ctx.services.units.get(unitCode);
  if (unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', 'Danh mục thủ tục thuộc về một xã');
  if (!mayRecordPosting(user, { code: unit.code, provinceCode: unit.parentCode ?? '' }))
    throw new AppError('FORBIDDEN', 'Không có quyền ghi nhận việc công khai thủ tục của xã này');
  const listing = await findListing(ctx.db, unit.code, code);
  if (!listing)
    throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code} không có trong danh mục của xã`);
  const fail = (path: string, message: string) => {
    throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
  };
  if (body.postedOn !== null) {
    if (body.postedWhere === null) fail('postedWhere', 'Cần chọn nơi công khai (tại Trung tâm, trên Cổng)');
    if (body.postedOn > vnDateOf(ctx.now())) fail('postedOn', 'Ngày công khai không được sau ngày hôm nay');
    if (listing.decidedOn && body.postedOn < listing.decidedOn)
      fail('postedOn', 'Ngày công khai không được trước ngày quyết định công bố');
  } else if (body.postedWhere !== null) fail('postedWhere', 'Chưa công khai thì không có nơi công khai');
  await updatePosting(ctx.db, unit.code, code, body);
  return { unit: unit.code, code, postedOn: body.postedOn, postedWhere: body.postedWhere };
}
