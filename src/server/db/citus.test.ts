import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { COLOCATION_ANCHOR, COORDINATOR_ONLY, classifyTable, GLOBAL_WITH_UNIT_CODE } from './citus.ts';
import * as schema from './schema.ts';

/*
 * Every table of schema.ts is classified for Citus by the rule the migrator applies (db/citus.ts), and
 * the classification is one Citus accepts: a distributed table's primary key and unique keys include
 * unit_code (uniqueness is checked per shard), and a reference or coordinator table points at no
 * distributed table.
 * A table added without unit_code in its keys fails here, before it fails on a cluster.
 */
const tables = Object.values(schema as Record<string, unknown>)
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t));
const kinds = new Map(
  tables.map(
    (t) =>
      [
        t.name,
        classifyTable(
          t.name,
          t.columns.map((c) => c.name),
        ),
      ] as const,
  ),
);

describe('Citus classification of schema.ts', () => {
  it('covers every table, dossiers distributed and the catalogues reference tables', () => {
    expect(tables.length).toBeGreaterThan(30);
    expect(kinds.get(COLOCATION_ANCHOR)).toBe('distributed');
    for (const t of ['units', 'procedures', 'calendar_days', 'users', 'meta']) {
      expect(kinds.get(t), t).toBe('reference');
    }
    // Sign-in's tables stay on the coordinator: written there alone, so a worker down stops no sign-in.
    for (const t of ['sessions', 'login_throttle', 'login_devices', 'citizen_sessions', 'citizen_logins']) {
      expect(kinds.get(t), t).toBe('local');
    }
    for (const l of COORDINATOR_ONLY) expect(kinds.has(l), `${l} is in schema.ts`).toBe(true);
    for (const t of ['dossier_files', 'audit_events', 'settlement_rollup', 'idempotency_keys', 'outbox']) {
      expect(kinds.get(t), t).toBe('distributed');
    }
    for (const g of GLOBAL_WITH_UNIT_CODE) expect(kinds.has(g), `${g} is in schema.ts`).toBe(true);
  });

  it.each(tables.map((t) => [t.name, t] as const))('%s: its keys fit its kind', (name, t) => {
    const kind = kinds.get(name)!;
    if (kind === 'distributed') {
      const keys = [
        ...t.primaryKeys.map((k) => k.columns.map((c) => c.name)),
        ...t.columns.filter((c) => c.primary).map((c) => [c.name]),
        ...t.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
        ...t.indexes
          .filter((i) => i.config.unique)
          .map((i) => i.config.columns.map((c) => (c as { name?: string }).name ?? '')),
      ];
      expect(keys.length, `${name} has a primary key`).toBeGreaterThan(0);
      for (const k of keys) expect(k, `${name}: a unique key without unit_code`).toContain('unit_code');
      for (const fk of t.foreignKeys) {
        const ref = fk.reference();
        const target = getTableConfig(ref.foreignTable).name;
        if (kinds.get(target) === 'distributed') {
          expect(
            ref.columns.map((c) => c.name),
            `${name} → ${target}`,
          ).toContain('unit_code');
        }
      }
    } else {
      // A reference table points at reference tables only; a coordinator table at reference tables or
      // other coordinator tables (Citus allows no key between a local and a distributed table).
      for (const fk of t.foreignKeys) {
        const target = getTableConfig(fk.reference().foreignTable).name;
        const allowed = kind === 'reference' ? ['reference'] : ['reference', 'local'];
        expect(allowed, `${kind} table ${name} points at ${target}`).toContain(kinds.get(target));
      }
    }
  });
});
