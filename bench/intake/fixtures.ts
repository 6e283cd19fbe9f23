import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkflow } from '../../src/domain/lifecycle/workflow.ts';
import { loadProcedureRecords } from '../../src/server/seed/reference.ts';

/* What the bench sends and where: the demo communes, the procedure, and the spread of communes. */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const PROCEDURE_CODE = '2.000815';
export const DEMO_PASSWORD = 'bench-password-1';
export const DEMO_PROVINCE = '82';
/** The communes the demo activates, with their reception accounts `reception.<slug>`. */
export const DEMO_COMMUNES: ReadonlyArray<{ code: string; slug: string }> = [
  { code: '28696', slug: 'tan-phu-dong' },
  { code: '28693', slug: 'tan-thoi' },
  { code: '28261', slug: 'my-tho' },
  { code: '29869', slug: 'cao-lanh' },
  { code: '28723', slug: 'tan-dong' },
];
/** The demo account whose password hash the added reception accounts reuse. */
export const TEMPLATE_USER = 'reception.tan-thoi';
export const TEMPLATE_UNIT = '28693';

/** The request body of one counter intake: procedure 2.000815 with its one required document. */
export const INTAKE_BODY = JSON.stringify({
  procedureCode: PROCEDURE_CODE,
  applicant: {
    fullName: 'Nguyễn Văn Bình',
    idNumber: '082095001234',
    phone: '0912345678',
    address: 'Ấp Tân Phong, xã Tân Thới, tỉnh Đồng Tháp',
  },
  returnMethod: 'counter',
  documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
});

export interface Commune {
  code: string;
  name: string;
  provinceCode: string;
  agencyCode: string;
}

interface UnitsFile {
  communes: Array<{ code: string; name: string; provinceCode: string; agencyCode: string }>;
}

export function loadCommunes(): Commune[] {
  const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/units.json'), 'utf8')) as UnitsFile;
  return file.communes.map((c) => ({
    code: c.code,
    name: c.name,
    provinceCode: c.provinceCode,
    agencyCode: c.agencyCode,
  }));
}

/**
 * `count` communes spread round-robin over `provinces` provinces (the demo province first, then by
 * code), skipping `exclude`. Deterministic, so two calls with disjoint exclusions give disjoint sets.
 */
export function spreadCommunes(
  all: Commune[],
  count: number,
  exclude: ReadonlySet<string>,
  provinces = 10,
): Commune[] {
  const byProvince = new Map<string, Commune[]>();
  for (const c of all) {
    if (exclude.has(c.code)) continue;
    const list = byProvince.get(c.provinceCode) ?? [];
    list.push(c);
    byProvince.set(c.provinceCode, list);
  }
  const order = [...byProvince.keys()].sort((a, b) =>
    a === DEMO_PROVINCE ? -1 : b === DEMO_PROVINCE ? 1 : a.localeCompare(b),
  );
  const queues = order
    .slice(0, provinces)
    .map((p) => [...(byProvince.get(p) ?? [])].sort((a, b) => a.code.localeCompare(b.code)));
  const picked: Commune[] = [];
  while (picked.length < count && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const c = q.shift();
      if (c && picked.length < count) picked.push(c);
    }
  }
  if (picked.length < count) throw new Error(`only ${picked.length} communes available, ${count} asked`);
  return picked;
}

export interface ProcedureFacts {
  code: string;
  name: string;
  fieldCode: string;
  /** The documents as the product stores them for the body above. */
  documents: Array<{
    id: string;
    name: string;
    originals: number;
    certifiedCopies: number;
    photocopies: number;
  }>;
  timeLimit: unknown;
  /** The workflow steps the product snapshots into the dossier, as JSON. */
  workflow: string;
}

export function loadProcedure(code = PROCEDURE_CODE): ProcedureFacts {
  const record = loadProcedureRecords().records.find((r) => r.code === code);
  if (!record) throw new Error(`procedure ${code} missing from data/procedures.json`);
  const doc = record.documents.find((d) => d.id === 'ban-chinh');
  if (!doc) throw new Error(`procedure ${code} has no document ban-chinh`);
  return {
    code: record.code,
    name: record.name,
    fieldCode: record.field.code,
    documents: [{ id: doc.id, name: doc.name, originals: 1, certifiedCopies: 0, photocopies: 0 }],
    timeLimit: record.timeLimit,
    workflow: JSON.stringify(defaultWorkflow(record.timeLimit)),
  };
}
