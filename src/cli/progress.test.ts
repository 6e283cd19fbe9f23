import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progress } from './progress.ts';

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
  s.isTTY = isTTY;
  s.columns = 80;
  let out = '';
  s.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  return { s: s as unknown as NodeJS.WriteStream, out: () => out };
}

describe('progress bar', () => {
  it('draws on a terminal once the step has run past the delay', () => {
    const tty = stream(true);
    const bar = progress('Nạp dữ liệu', 10, { stream: tty.s, delayMs: 0 });
    for (let i = 0; i < 10; i++) bar.tick();
    bar.done();
    expect(tty.out()).toContain('Nạp dữ liệu');
    expect(tty.out()).toContain('10/10');
  });

  it('prints nothing when the stream is not a terminal, or before the delay', () => {
    const pipe = stream(false);
    const bar = progress('Nạp dữ liệu', 10, { stream: pipe.s, delayMs: 0 });
    for (let i = 0; i < 10; i++) bar.tick();
    bar.done();
    expect(pipe.out()).toBe('');
    const quick = stream(true);
    const fast = progress('Nạp dữ liệu', 10, { stream: quick.s, delayMs: 60_000 });
    fast.tick(10);
    fast.done();
    expect(quick.out()).toBe('');
  });
});
