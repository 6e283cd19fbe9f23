import type { Database } from '../../db/client.ts';
import { QUEUE_CHANNEL } from './repository.ts';

/** A change of a called ticket as the boards receive it. */
export interface CallEvent {
  unit: string;
  day: string;
  number: number;
  counter: number;
  calls: number;
  /** `called` for a call or recall; otherwise the ticket left the counter (served, no_show, waiting). */
  status: string;
  at: number;
}

/**
 * The calls of every commune, for the boards' event streams: the database's NOTIFY (sent by the
 * call's own statement, on commit, from whichever server process served it) dispatched to the
 * streams of the commune in this process. Listens once, when the first board connects.
 */
export function createQueueBus(database: Pick<Database, 'listen'>) {
  const subscribers = new Map<string, Set<(e: CallEvent) => void>>();
  let listening: Promise<() => Promise<void>> | undefined;
  const dispatch = (payload: string) => {
    let event: CallEvent;
    try {
      event = JSON.parse(payload) as CallEvent;
    } catch {
      return;
    }
    for (const fn of subscribers.get(event.unit) ?? []) fn(event);
  };
  return {
    /** Streams open in this process (bounded by the routes). */
    get size() {
      let n = 0;
      for (const s of subscribers.values()) n += s.size;
      return n;
    },
    async subscribe(unit: string, fn: (e: CallEvent) => void): Promise<() => void> {
      const set = subscribers.get(unit) ?? new Set();
      subscribers.set(unit, set);
      set.add(fn);
      listening ??= database.listen(QUEUE_CHANNEL, dispatch);
      await listening;
      return () => {
        set.delete(fn);
        if (set.size === 0) subscribers.delete(unit);
      };
    },
    async close() {
      const stop = listening;
      listening = undefined;
      subscribers.clear();
      if (stop) await (await stop)();
    },
  };
}

export type QueueBus = ReturnType<typeof createQueueBus>;
