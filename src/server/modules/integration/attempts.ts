import type { Db } from '../../db/client.ts';
import { deleteAttemptsBefore } from './repository.ts';

/*
 * Delivery records (link_attempts): the outbox worker is their only writer. Settling a message and
 * recording the attempt are ONE statement (a data-modifying CTE, integration/repository.ts), so a
 * record never exists without the change it describes, and the worker makes no extra round trip per
 * message.
 */

export {
  type AttemptRecord,
  type Settlement,
  settleAttempt,
  settleSent,
} from './repository.ts';

/** How long attempts are kept: the operations page looks back 7 days; one day more for the edges. */
export const ATTEMPT_RETENTION_MS = 8 * 24 * 3_600_000;

/** Deletes the attempts older than the retention; returns how many. */
export function pruneAttempts(db: Db, now: Date): Promise<number> {
  return deleteAttemptsBefore(db, new Date(now.getTime() - ATTEMPT_RETENTION_MS));
}
