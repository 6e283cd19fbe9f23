import type { CitizenAction, DossierEvent } from '../lifecycle/events.ts';
import { type Action, TRANSITIONS } from '../lifecycle/transitions.ts';
import type { PortalFileRef, PortalMessage } from './contract.ts';
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
  /**
   * The code the portal knows the dossier by, when it is not motcua's: a dossier fetched from the
   * portal (§8.5 pull side) keeps the portal's MaHoSo in every message about it.
   */
  portalCode?: string | null;
}

/**
 * The dossier as the portal holds it, after the change: for a received dossier (the code is formed
 * later: '' until then), and for an action after which the portal's copy must be refreshed.
 */
export interface PortalReceivedView extends PortalActor {
  dossier: DossierForPortal;
  context: PortalContext;
  /** Files the payload names by reference (contract.ts FILE_REF_PREFIX), uploaded before it is sent. */
  files?: PortalFileRef[];
}

function dossierMessage(eventId: string, code: string, view: PortalReceivedView): PortalMessage {
  const HoSo = toPortalDossier({ ...view.dossier, code }, view.context);
  return view.files?.length
    ? { call: 'dossier', eventId, HoSo, files: view.files }
    : { call: 'dossier', eventId, HoSo };
}

/**
 * Actions after which the portal's copy of the dossier is out of date, so an updated dossier (upsert)
 * follows the progress entry and status (§8.2 "create, then update"): its appointment (NgayTiepNhan,
 * NgayHenTra), refusal (NgayTuChoi), supplements (DanhSachHoSoBoSung), documents (TaiLieuNop), result
 * (DanhSachGiayToKetQua, NgayKetThucXuLy) or return (NgayTra, ThongTinTra, HinhThuc) changed. Checked
 * by the compiler: a new action must say whether it refreshes.
 */
export const REFRESHES_DOSSIER: { [A in Action | CitizenAction]: boolean } = {
  accept: true,
  refuse: true,
  request_pre_supplement: false,
  pre_supplement_received: false,
  transfer: false,
  assign: false,
  complete_step: false,
  return_step: false,
  request_supplement: true,
  supplement_received: true,
  request_payment: false,
  payment_received: true,
  stop: true,
  draft_result: false,
  approve_result: false,
  issue_result: true,
  return_result: true,
  withdraw: false,
  confirm_withdrawal: true,
  draft_apology: false,
  approve_apology: true,
  reject_apology: false,
  citizen_supplement: true,
  citizen_withdraw: false,
};

/** True when the event's portal messages end with an updated dossier (REFRESHES_DOSSIER). */
export function refreshesPortalDossier(e: DossierEvent): boolean {
  return (e.type === 'performed' || e.type === 'citizen') && REFRESHES_DOSSIER[e.action];
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
  const code = view.portalCode || e.dossierCode;
  const progress = (content: string) =>
    toPortalProgress({
      code,
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
      dossierMessage(e.id, code, view),
      { call: 'progress', eventId: `${e.id}.2`, TienTrinh: progress(content) },
    ];
  }
  const label = e.type === 'citizen' ? CITIZEN_CONTENT[e.action] : TRANSITIONS[e.action].label;
  const messages: PortalMessage[] = [{ call: 'progress', eventId: e.id, TienTrinh: progress(label) }];
  if (e.fromStatus !== e.toStatus)
    messages.push({
      call: 'status',
      eventId: `${e.id}.2`,
      TrangThai: toPortalStatus(code, e.toStatus, at),
    });
  if (refreshesPortalDossier(e)) {
    if (!('dossier' in view))
      throw new Error(`${e.action} needs the dossier view (it refreshes the portal's copy)`);
    messages.push(dossierMessage(`${e.id}.3`, code, view));
  }
  return messages;
}

/**
 * What the portal hears when an officer refuses one of its online dossiers that never became a motcua
 * dossier (an unmatched inbound dossier): a progress entry naming the refusal and its reason, then the
 * status 3 "Không được tiếp nhận" (§2.1), both under the portal's own MaHoSo. `eventId` is the
 * refusal's id; the status is `eventId + ".2"`, as for a dossier event.
 */
export function unmatchedRefusalMessages(r: {
  eventId: string;
  portalCode: string;
  actor: PortalActor;
  at: Date;
  reason: string;
  /** When the citizen submitted it on the portal (the step's start). */
  submittedAt: Date;
}): PortalMessage[] {
  const at = r.at.toISOString();
  return [
    {
      call: 'progress',
      eventId: r.eventId,
      TienTrinh: toPortalProgress({
        code: r.portalCode,
        actorName: r.actor.actorName || 'Cán bộ',
        actorTitle: r.actor.actorTitle,
        unitName: r.actor.unitName,
        at,
        content: `${INTAKE_CONTENT.refuse}: ${r.reason}`,
        status: 3,
        stepStartedAt: r.submittedAt.toISOString(),
      }),
    },
    { call: 'status', eventId: `${r.eventId}.2`, TrangThai: toPortalStatus(r.portalCode, 3, at) },
  ];
}
