import type { AuthUser } from '../identity/types.ts';

/** The unit a notice belongs to: a commune, or the province for all its communes. */
export interface NoticeUnit {
  code: string;
  level: 'province' | 'commune';
  /** The province of a commune; a province's own code. */
  provinceCode: string;
}

/** Roles that publish notices at all: the commune's leader, the province officer, the administrator. */
export const NOTICE_PUBLISHERS = ['leader', 'province', 'admin'] as const;

/**
 * Who publishes, edits and takes down a unit's notices and legal documents (issue 16 item 5): the
 * commune's leader for the commune's own, the province officer for the province-wide ones of their
 * province (not a commune's: each commune publishes its own), the administrator for any.
 * Reception officers and specialists do not publish.
 */
export function mayPublish(user: Pick<AuthUser, 'role' | 'scope'>, unit: NoticeUnit): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'province')
    return (
      unit.level === 'province' && user.scope.kind === 'province' && user.scope.provinceCode === unit.code
    );
  if (user.role === 'leader')
    return unit.level === 'commune' && user.scope.kind === 'unit' && user.scope.unitCode === unit.code;
  return false;
}

/** Whether the role publishes anywhere (the staff page and its list are theirs). */
export function isPublisher(user: Pick<AuthUser, 'role'>): boolean {
  return (NOTICE_PUBLISHERS as readonly string[]).includes(user.role);
}

/** The unit a publisher's notices go to when they name none: their commune or their province. */
export function ownNoticeUnit(user: Pick<AuthUser, 'scope'>): string | undefined {
  if (user.scope.kind === 'unit') return user.scope.unitCode;
  if (user.scope.kind === 'province') return user.scope.provinceCode;
  return undefined;
}
