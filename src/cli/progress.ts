import cliProgress from 'cli-progress';

/** Progress of one step with a known amount of work (rows, files). */
export interface Progress {
  /** Records `n` more units of work done. */
  tick(n?: number): void;
  /** Ends the step (the bar, when shown, stays on screen at its final value). */
  done(): void;
}

/**
 * A progress bar on standard error, shown only when standard error is a terminal and the step is
 * still running after `delayMs`: quick steps print nothing, and redirected output (CI logs, tests)
 * never holds control characters.
 */
export function progress(
  label: string,
  total: number,
  opts: { stream?: NodeJS.WriteStream; delayMs?: number } = {},
): Progress {
  const stream = opts.stream ?? process.stderr;
  const delayMs = opts.delayMs ?? 1000;
  const startedAt = Date.now();
  let value = 0;
  let bar: cliProgress.SingleBar | undefined;
  return {
    tick(n = 1) {
      value += n;
      if (bar) {
        bar.update(value);
        return;
      }
      if (!stream.isTTY || total <= 0 || Date.now() - startedAt < delayMs) return;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
          hideCursor: true,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, value);
    },
    done() {
      if (!bar) return;
      bar.update(value);
      bar.stop();
      bar = undefined;
    },
  };
}
