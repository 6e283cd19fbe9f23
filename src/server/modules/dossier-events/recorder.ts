import { randomUUID } from 'node:crypto';
import {
  type CitizenEvent,
  type DossierAfter,
  effectsOfEvent,
  type OutboundMessage,
  type PerformedEvent,
  type ReceivedEvent,
  type SubmittedOnlineEvent,
} from '../../../domain/lifecycle/events.ts';
import { type PortalActor, type PortalReceivedView, portalMessagesOf } from '../../../domain/portal/sync.ts';
import type { Executor } from '../../db/client.ts';
import type { Placeholder } from '../audit/repository.ts';
import type { OutboxRow } from '../integration/repository.ts';
import { firstEventCtes, writeEvent } from './repository.ts';

/*
 * The one place a dossier event is recorded. The domain (src/domain/lifecycle/events.ts) turns the
 * event into its effects as data — the audit chain entry, the outbound messages and the body sent to
 * partners' webhook endpoints (modules/partners) — and this module
 * executes them in the caller's transaction (or statement). Intake (counter and online), workflow and
 * the citizen's own changes call it; none writes `audit_events` or `outbox` itself.
 */

function outboxRows(messages: OutboundMessage[]): OutboxRow[] {
  return messages.map((m) => ({ id: randomUUID(), kind: m.channel, payload: m.payload }));
}

/** The event's messages to the national portal, when the synchronisation is on (a view was given). */
function portalMessages(
  event: Parameters<typeof portalMessagesOf>[0],
  view: PortalReceivedView | PortalActor | undefined,
): OutboundMessage[] {
  if (!view) return [];
  return portalMessagesOf(event, view).map((m) => ({ channel: 'portal', payload: { ...m } }));
}

/**
 * Records a lifecycle event inside the caller's transaction, which must hold the dossier's row lock:
 * appends its audit entry and enqueues its messages in one statement. `dossier` is the dossier after
 * the change. Returns the entry's position and hash in the chain, and how many messages to the
 * national portal it enqueued (what the dossier's synchronisation becomes: dossiers' syncAfterEnqueued).
 */
export async function recordDossierEvent(
  db: Executor,
  event: PerformedEvent | CitizenEvent,
  dossier: DossierAfter,
  portal?: PortalActor | PortalReceivedView,
) {
  const effects = effectsOfEvent(event, dossier);
  const toPortal = portalMessages(event, portal);
  const written = await writeEvent(
    db,
    effects.audit,
    outboxRows([...effects.messages, ...toPortal]),
    effects.webhook,
  );
  return { ...written, portalMessages: toPortal.length };
}

/** An intake's event (received at the counter, or filed online) before its statement has formed the code. */
export type ReceivedEventDraft =
  | Omit<ReceivedEvent, 'dossierCode'>
  | Omit<SubmittedOnlineEvent, 'dossierCode'>;

/**
 * The part of the intake statement that records the received event: its CTEs (`audit`, and
 * `messages` when the event sends any) over the statement's CTE `from` holding the new dossier's
 * `code` (put into the notices' payload and the portal messages' MaHoSo), and a suffix telling apart the statement's variants for its prepared name.
 */
export function receivedEventPart(
  event: ReceivedEventDraft,
  dossier: Omit<DossierAfter, 'code'>,
  portal?: PortalReceivedView,
  /** Further messages about the new dossier (a portal dossier's files to fetch, portal/files.ts). */
  extra: OutboxRow[] = [],
) {
  // The code is formed by the statement: the effects are derived without it, and it is put in there.
  const effects = effectsOfEvent({ ...event, dossierCode: '' }, { ...dossier, code: '' });
  const { dossierCode: _unknown, ...entry } = effects.audit;
  const notices = outboxRows(effects.messages).map((m) => {
    const { code: _code, ...payload } = m.payload;
    return { ...m, payload };
  });
  const messages = [
    ...notices,
    ...outboxRows(portalMessages({ ...event, dossierCode: '' }, portal)),
    ...extra,
  ];
  return {
    ctes: (p: Placeholder, from: string) => firstEventCtes(p, entry, messages, effects.webhook, from),
    nameSuffix: messages.length ? '_msgs' : '',
  };
}
