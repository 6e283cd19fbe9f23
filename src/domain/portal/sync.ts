import type { CitizenAction, DossierEvent } from '../lifecycle/events.ts';
import { TRANSITIONS } from '../lifecycle/transitions.ts';
import type { PortalMessage } from './contract.ts';
import {
  type DossierForPortal,
  type PortalContext,
  toPortalDossier,
  toPortalProgress,
  toPortalStatus,
} from './payload.ts';

/*
 * The national portal's synchronisation as an effect of a dossier event (docs/domain-vn.md §8.2): a
 * received dossier is created on the portal and gets its first progress entry; every performed action
 * adds a progress entry and, when the status changed, a status update. Every message carries the
 * event's id (the second message of an event: the id + ".2"), by which the portal de-duplicates
 * (MaHoSo, MaSuKien). Pure: the caller gathers the view.
 */

/** Who acted and where, as the portal's progress entry names them. */
export interface PortalActor {
  actorName: string;
  actorTitle: string;
  unitName: string;
}

/** What the caller gathers for a received dossier (the code is formed later: '' until then). */
export interface PortalReceivedView extends PortalActor {
  dossier: DossierForPortal;
  context: PortalContext;
}

const ROLE_TITLES: Record<string, string> = {
  reception: 'Cán bộ tiếp nhận',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo UBND xã',
};

export function actorTitleOf(role: string | null): string {
  return (role && ROLE_TITLES[role]) || 'Cán bộ';
}

const INTAKE_CONTENT = {
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận',
} as const;

const ONLINE_SUBMISSION_CONTENT = 'Công dân nộp hồ sơ trực tuyến';

/** What the citizen's own changes say in the portal's progress entries. */
const CITIZEN_CONTENT: Record<CitizenAction, string> = {
  citizen_supplement: 'Công dân nộp bổ sung hồ sơ trực tuyến',
  citizen_withdraw: 'Công dân đề nghị rút hồ sơ',
};

/**
 * The portal messages of an event, in the order they must be delivered. `view` is the received
 * dossier's view for a received event, the actor for a performed one.
 */
export function portalMessagesOf(e: DossierEvent, view: PortalReceivedView | PortalActor): PortalMessage[] {
  const at = e.at.toISOString();
  const progress = (content: string) =>
    toPortalProgress({
      code: e.dossierCode,
      actorName: view.actorName || 'Cán bộ',
      actorTitle: view.actorTitle,
      unitName: view.unitName,
      at,
      content: e.reason ? `${content}: ${e.reason}` : content,
      status: e.toStatus,
    });
  if (e.type === 'received' || e.type === 'submitted_online') {
    if (!('dossier' in view)) throw new Error('a received event needs the dossier view');
    const content = e.type === 'received' ? INTAKE_CONTENT[e.decision] : ONLINE_SUBMISSION_CONTENT;
    return [
      { call: 'dossier', eventId: e.id, HoSo: toPortalDossier(view.dossier, view.context) },
      { call: 'progress', eventId: `${e.id}.2`, TienTrinh: progress(content) },
    ];
  }
  const label = e.type === 'citizen' ? CITIZEN_CONTENT[e.action] : TRANSITIONS[e.action].label;
  const messages: PortalMessage[] = [{ call: 'progress', eventId: e.id, TienTrinh: progress(label) }];
  if (e.fromStatus !== e.toStatus)
    messages.push({
      call: 'status',
      eventId: `${e.id}.2`,
      TrangThai: toPortalStatus(e.dossierCode, e.toStatus, at),
    });
  return messages;
}
