import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { procedures } from '../../db/schema.ts';
import { upperVi } from '../../documents/pdf.ts';
import type { ReportIssuer } from './register-exports.ts';

/*
 * What the main thread reads from the database for a register report's export; the export itself is
 * built on a worker (register-exports.ts), so the main thread never loads the spreadsheet library.
 */

type ReportUnit = { code: string; name: string; level: 'commune' | 'province' | 'national' };

/** The header of a report of a unit: the commune center, the province office, or the national system. */
export async function reportIssuer(ctx: AppContext, unit: ReportUnit): Promise<ReportIssuer> {
  if (unit.code === 'all') return { line1: 'HỆ THỐNG MỘT CỬA', line2: 'TỔNG HỢP TOÀN QUỐC', place: 'Hà Nội' };
  const u = await ctx.services.units.get(unit.code);
  return {
    line1: `UBND ${upperVi(u.fullName)}`,
    line2: u.level === 'province' ? 'VĂN PHÒNG UBND TỈNH' : 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: u.name,
  };
}

/** Names of the fields (lĩnh vực) with the given codes, from the procedure catalogue. */
export async function fieldNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ code: procedures.fieldCode, name: procedures.fieldName })
    .from(procedures)
    .where(inArray(procedures.fieldCode, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}
