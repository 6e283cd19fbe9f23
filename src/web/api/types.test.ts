import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Dossier,
  IntakeRequest,
  LifecycleAction,
  QueueName,
  SettlementReport,
  TimeLimitUnit,
} from './types.ts';

const WEB = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the web shares the server schemas', () => {
  it('imports nothing from src/server but types (no server code in a bundle)', () => {
    const offending: string[] = [];
    for (const file of sources(WEB)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        const target = path.resolve(path.dirname(file), m[2]!);
        if (target.includes(`${path.sep}src${path.sep}server${path.sep}`) && !m[1])
          offending.push(`${path.relative(WEB, file)} → ${m[2]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('infers real shapes, not any', () => {
    expectTypeOf<Dossier['code']>().toEqualTypeOf<string>();
    expectTypeOf<Dossier['channel']>().toEqualTypeOf<'counter' | 'online' | 'post'>();
    expectTypeOf<Dossier['sync']['state']>().toEqualTypeOf<'synced' | 'pending' | 'failed' | 'none'>();
    expectTypeOf<LifecycleAction>().toExtend<string>();
    expectTypeOf<'accept'>().toExtend<LifecycleAction>();
    expectTypeOf<'online'>().toExtend<QueueName>();
    expectTypeOf<TimeLimitUnit>().toEqualTypeOf<
      'working_days' | 'working_hours' | 'same_day' | 'calendar_days'
    >();
    expectTypeOf<SettlementReport['cutoff']>().toEqualTypeOf<string>();
    // A request may leave out what the server defaults.
    expectTypeOf<IntakeRequest['returnMethod']>().toEqualTypeOf<'counter' | 'post' | undefined>();
    // @ts-expect-error a dossier has no such field
    expectTypeOf<Dossier['noSuchField']>().toBeString();
  });
});
