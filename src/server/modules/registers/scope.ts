import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser, Role } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

/**
 * The commune a register request is about: the user's own commune by default; province officers and
 * administrators name it. A unit outside the user's scope is refused (403), never silently widened.
 */
export async function communeFor(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string | undefined,
  writeRoles?: readonly Role[],
) {
  const code = unitCode ?? (user.scope.kind === 'unit' ? user.scope.unitCode : undefined);
  if (!code)
    throw new AppError('VALIDATION_FAILED', 'Cần chọn xã', [{ path: 'unit', message: 'Cần chọn xã' }]);
  const unit = await ctx.services.units.get(code);
  if (unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', `${code} không phải mã xã`);
  if (!scopeCovers(user.scope, unit.code, unit.parentCode ?? '')) throw new AppError('FORBIDDEN');
  if (writeRoles && !writeRoles.includes(user.role)) throw new AppError('FORBIDDEN');
  return unit;
}
