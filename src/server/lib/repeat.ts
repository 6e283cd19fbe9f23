/** A background loop started by `repeat`. */
export interface Repeating {
  /** No pass starts after this; resolves once the pass running now (if any) has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` until stopped, one pass at a time: the first after `firstAfterMs` (default
 * `intervalMs`), each next one `intervalMs` after the previous one ENDED — or after the delay the
 * pass returns (0: at once, e.g. while a backlog is being drained). A pass that throws is reported to
 * `onError` and the loop goes on. Used by the outbox worker's lanes, the inbound portal fetch and the
 * embedded database's maintenance.
 */
export function repeat(
  pass: () => Promise<number | undefined | void>,
  opts: { intervalMs: number; firstAfterMs?: number; onError?: (err: unknown) => void },
): Repeating {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout>;
  const tick = async () => {
    if (stopped) return;
    let next: number | undefined;
    running = pass().then(
      (delay) => {
        if (typeof delay === 'number') next = delay;
      },
      (err) => opts.onError?.(err),
    );
    await running;
    if (!stopped) timer = setTimeout(tick, next ?? opts.intervalMs);
  };
  timer = setTimeout(tick, opts.firstAfterMs ?? opts.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
