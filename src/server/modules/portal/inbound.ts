import { parsePortalDateTime } from '../../../domain/portal/payload.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { insertInboundIfNew } from './repository.ts';

/**
 * The pull side of docs/domain-vn.md §8.5: online dossiers submitted on DVCQG (status 1) are fetched
 * into the commune's queue "chờ tiếp nhận trực tuyến", once each. The portal's id (IdHoSoCong) is the
 * key: a dossier the portal delivers twice — in one answer or in two fetches — is stored once. A
 * dossier whose submission time is not a portal date is skipped and counted, not stored half-read.
 */
export async function fetchInboundOnlineDossiers(
  ctx: AppContext,
  unitCode: string,
): Promise<{ received: number; added: number; duplicates: number; invalid: number }> {
  const portal = ctx.links.portal;
  if (!portal) throw new AppError('PORTAL_UNAVAILABLE', 'Chưa cấu hình kết nối (MOTCUA_PORTAL_URL)');
  const { dossiers, invalid: invalidEntries } = await portal.fetchOnlineDossiers(unitCode);
  const now = ctx.now();
  let invalid = invalidEntries;
  const rows = new Map<string, Parameters<typeof insertInboundIfNew>[1][number]>();
  for (const d of dossiers) {
    const submittedAt = parsePortalDateTime(d.NgayNopHoSo);
    if (!submittedAt || d.MaDonVi !== unitCode) {
      invalid++;
      continue;
    }
    rows.set(d.IdHoSoCong, {
      unitCode,
      portalId: d.IdHoSoCong,
      portalCode: d.MaHoSo,
      procedureCode: d.MaTTHC,
      applicantName: d.ChuHoSo,
      payload: d as unknown as Record<string, unknown>,
      submittedAt,
      fetchedAt: now,
    });
  }
  const added = await ctx.db.transaction((tx) => insertInboundIfNew(tx, [...rows.values()]));
  return {
    received: dossiers.length,
    added: added.length,
    duplicates: dossiers.length - (invalid - invalidEntries) - added.length,
    invalid,
  };
}
