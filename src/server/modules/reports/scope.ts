import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

/**
 * The communes a report covers: one commune, every commune of a province, or (administrators) all.
 * `unit` absent means the user's own unit. Units outside the user's scope are refused.
 */
export async function reportUnits(ctx: AppContext, user: AuthUser, unit: string | undefined) {
  const code =
    unit ??
    (user.scope.kind === 'unit'
      ? user.scope.unitCode
      : user.scope.kind === 'province'
        ? user.scope.provinceCode
        : 'all');
  if (code === 'all') {
    if (user.scope.kind !== 'all')
      throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống xem báo cáo toàn quốc');
    const communes = await ctx.services.units.list({ level: 'commune' });
    return {
      unit: { code: 'all', name: 'Toàn quốc', level: 'national' as const },
      communes: communes.map((c) => c.code),
    };
  }
  const u = await ctx.services.units.get(code);
  if (u.level === 'commune') {
    if (!scopeCovers(user.scope, u.code, u.parentCode ?? ''))
      throw new AppError('FORBIDDEN', 'Không có quyền xem báo cáo của đơn vị này');
    return { unit: { code: u.code, name: u.fullName, level: 'commune' as const }, communes: [u.code] };
  }
  if (user.scope.kind === 'unit' || (user.scope.kind === 'province' && user.scope.provinceCode !== u.code)) {
    throw new AppError('FORBIDDEN', 'Không có quyền xem báo cáo của đơn vị này');
  }
  const communes = await ctx.services.units.list({ level: 'commune', parent: u.code });
  return {
    unit: { code: u.code, name: u.fullName, level: 'province' as const },
    communes: communes.map((c) => c.code),
  };
}
