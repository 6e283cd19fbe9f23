import { PGlite, types } from '@electric-sql/pglite';
const db = await PGlite.create('memory://');
const parsers = { [types.TIMESTAMP]: (v: string) => v, [types.TIMESTAMPTZ]: (v: string) => v, [types.INTERVAL]: (v: string) => v, [types.DATE]: (v: string) => v };
const q = 'select 1 as a, 2 as b, now() as c';
for (const [label, opts] of [['plain', undefined], ['rowMode+parsers', { rowMode: 'array' as const, parsers }], ['plain', undefined], ['rowMode+parsers', { rowMode: 'array' as const, parsers }]] as const) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < 3000; i++) await db.query(q, [], opts);
  const c = process.cpuUsage(c0);
  console.log(label, ((c.user + c.system) / 1000 / 3000).toFixed(3), 'ms CPU per query');
}
await db.close();
