/**
 * Builds data/units.json and data/units.LICENSE from the public administrative-unit dataset
 * (thanglequoc/vietnamese-provinces-database, simplified JSON, MIT).
 *
 * Usage: node --import tsx scripts/data/build-units.ts <vn-admin-units.json> [--out <dir>]
 *
 * The licence file is read from beside the input (<name>.LICENSE). The output directory defaults
 * to the repository's data/ folder. The script refuses to write anything if a checked fact fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const SOURCE =
  'thanglequoc/vietnamese-provinces-database (https://github.com/thanglequoc/vietnamese-provinces-database), ' +
  'json/simplified_json_generated_data_vn_units_2026-07-25 — administrative units after the 1 July 2025 ' +
  'reorganisation (34 provinces, 3,321 communes; GSO codes)';

const AGENCY_CODE_NOTE =
  'agencyCode values are configurable DEFAULTS, not official codes. The real electronic agency codes ' +
  '(QCVN 102:2016/BTTTT scheme, e.g. H55.242, H26.107) of the provinces and communes created on 1 July 2025 ' +
  'are not known (docs/domain-vn.md §4.1, tag [I]). The pre-2025 scheme numbered provinces differently from the ' +
  'GSO codes used here (e.g. H01 = An Giang, H26 = Hà Nội), so a default such as "H82" may equal the real code ' +
  'of another province. Defaults: ' +
  'province = "H" + 2-digit GSO province code; commune = "H<pp>.<nnn>" where nnn is the 1-based ordinal of the ' +
  'commune within its province sorted by commune code, zero-padded to 3 digits. Override them per province ' +
  'with the codes issued by the Government Office / provincial information system before syncing to DVCQG.';

const SLUG_NOTE =
  "slug = CodeName with '_' replaced by '-'; unique within a province: when several communes of one province " +
  "share a slug, the one with the lowest code keeps it and the others get '-<code>' appended.";

const WardSchema = z.object({
  Code: z.string().regex(/^\d{5}$/),
  Name: z.string().min(1),
  NameEn: z.string().min(1),
  FullName: z.string().min(1),
  FullNameEn: z.string().min(1),
  CodeName: z.string().regex(/^[a-z0-9_]+$/),
  ProvinceCode: z.string().regex(/^\d{2}$/),
});

const ProvinceSchema = z.object({
  Code: z.string().regex(/^\d{2}$/),
  Name: z.string().min(1),
  NameEn: z.string().min(1),
  FullName: z.string().min(1),
  FullNameEn: z.string().min(1),
  CodeName: z.string().regex(/^[a-z0-9_]+$/),
  Wards: z.array(WardSchema).min(1),
});

const InputSchema = z.array(ProvinceSchema);

type CommuneKind = 'xa' | 'phuong' | 'dac_khu';

interface ProvinceOut {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  slug: string;
  agencyCode: string;
}

interface CommuneOut {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  kind: CommuneKind;
  provinceCode: string;
  slug: string;
  agencyCode: string;
}

/** Unit-type prefixes as they appear at the start of FullName (matched case-insensitively). */
const KIND_PREFIXES: ReadonlyArray<{ prefix: string; kind: CommuneKind }> = [
  { prefix: 'Đặc khu', kind: 'dac_khu' },
  { prefix: 'Phường', kind: 'phuong' },
  { prefix: 'Xã', kind: 'xa' },
];

const EXPECTED = { provinces: 34, communes: 3321 } as const;

function fail(message: string): never {
  console.error(`build-units: ${message}`);
  process.exit(1);
}

function parseArgs(argv: string[]): { input: string; outDir: string } {
  const args = [...argv];
  let outDir: string | undefined;
  const positional: string[] = [];
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--out') {
      outDir = args.shift();
      if (!outDir) fail('--out needs a directory');
    } else {
      positional.push(arg);
    }
  }
  const input = positional[0];
  if (!input || positional.length > 1) {
    fail('usage: node --import tsx scripts/data/build-units.ts <vn-admin-units.json> [--out <dir>]');
  }
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return { input: resolve(input), outDir: resolve(outDir ?? join(repoRoot, 'data')) };
}

/** Splits "Phường Mỹ Tho" into kind + a full name whose prefix is capitalised consistently. */
function classify(fullName: string, name: string, code: string): { kind: CommuneKind; fullName: string } {
  for (const { prefix, kind } of KIND_PREFIXES) {
    const head = fullName.slice(0, prefix.length);
    if (head.toLocaleLowerCase('vi') === prefix.toLocaleLowerCase('vi')) {
      const rest = fullName.slice(prefix.length).trim();
      if (rest !== name) fail(`commune ${code}: FullName "${fullName}" does not end with Name "${name}"`);
      return { kind, fullName: `${prefix} ${rest}` };
    }
  }
  return fail(`commune ${code}: unknown unit type in "${fullName}"`);
}

function toSlug(codeName: string): string {
  return codeName.replaceAll('_', '-');
}

function build(raw: unknown): { provinces: ProvinceOut[]; communes: CommuneOut[]; corrections: string[] } {
  const parsed = InputSchema.safeParse(raw);
  if (!parsed.success) fail(`input does not have the expected shape: ${z.prettifyError(parsed.error)}`);
  const corrections: string[] = [];
  const provinces: ProvinceOut[] = [];
  const communes: CommuneOut[] = [];

  const sortedProvinces = [...parsed.data].sort((a, b) => a.Code.localeCompare(b.Code));
  for (const p of sortedProvinces) {
    const agencyPrefix = `H${p.Code}`;
    provinces.push({
      code: p.Code,
      name: p.Name,
      fullName: p.FullName,
      nameEn: p.NameEn,
      slug: toSlug(p.CodeName),
      agencyCode: agencyPrefix,
    });

    const wards = [...p.Wards].sort((a, b) => a.Code.localeCompare(b.Code));
    if (wards.length > 999) fail(`province ${p.Code} has more than 999 communes; nnn would overflow`);
    // Lowest code keeps the bare slug so that adding a commune later does not rename an existing one.
    const slugOwners = new Map<string, string>();
    wards.forEach((w, index) => {
      if (w.ProvinceCode !== p.Code)
        fail(`commune ${w.Code} is listed under ${p.Code} but says ${w.ProvinceCode}`);
      const { kind, fullName } = classify(w.FullName, w.Name, w.Code);
      if (fullName !== w.FullName) corrections.push(`${w.Code}: fullName "${w.FullName}" → "${fullName}"`);
      let slug = toSlug(w.CodeName);
      if (slugOwners.has(slug)) slug = `${slug}-${w.Code}`;
      if (slugOwners.has(slug)) fail(`province ${p.Code}: slug ${slug} still clashes`);
      slugOwners.set(slug, w.Code);
      communes.push({
        code: w.Code,
        name: w.Name,
        fullName,
        nameEn: w.NameEn,
        kind,
        provinceCode: p.Code,
        slug,
        agencyCode: `${agencyPrefix}.${String(index + 1).padStart(3, '0')}`,
      });
    });
  }
  return { provinces, communes, corrections };
}

function check(provinces: ProvinceOut[], communes: CommuneOut[]): void {
  const problems: string[] = [];
  if (provinces.length !== EXPECTED.provinces) problems.push(`${provinces.length} provinces, expected 34`);
  if (communes.length !== EXPECTED.communes) problems.push(`${communes.length} communes, expected 3321`);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  if (byCode.size !== communes.length) problems.push('duplicate commune codes');
  if (new Set(provinces.map((p) => p.code)).size !== provinces.length)
    problems.push('duplicate province codes');
  if (new Set(provinces.map((p) => p.slug)).size !== provinces.length)
    problems.push('duplicate province slugs');
  const agency = [...provinces, ...communes].map((u) => u.agencyCode);
  if (new Set(agency).size !== agency.length) problems.push('duplicate agency codes');
  const slugs = new Set(communes.map((c) => `${c.provinceCode}/${c.slug}`));
  if (slugs.size !== communes.length) problems.push('duplicate commune slugs within a province');
  const facts: Array<[string, string, string]> = [
    ['82', 'Đồng Tháp', 'province'],
    ['28693', 'Tân Thới', 'commune'],
    ['28696', 'Tân Phú Đông', 'commune'],
  ];
  for (const [code, name, level] of facts) {
    const found = level === 'province' ? provinces.find((p) => p.code === code) : byCode.get(code);
    if (found?.name !== name) problems.push(`${level} ${code} should be ${name}, found ${found?.name}`);
  }
  if (problems.length > 0) fail(`checks failed:\n  ${problems.join('\n  ')}`);
}

/** One unit per line: readable diffs without a 40,000-line file. */
function serialise(doc: Record<string, unknown>, arrays: readonly string[]): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(doc);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (arrays.includes(key) && Array.isArray(value)) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => {
        lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`);
      });
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const { input, outDir } = parseArgs(process.argv.slice(2));
  const licencePath = join(dirname(input), `${basename(input, '.json')}.LICENSE`);
  if (!existsSync(input)) fail(`input not found: ${input}`);
  if (!existsSync(licencePath)) fail(`licence not found beside the input: ${licencePath}`);

  const { provinces, communes, corrections } = build(JSON.parse(readFileSync(input, 'utf8')));
  check(provinces, communes);

  const doc = {
    source: SOURCE,
    licence: 'MIT, see units.LICENSE',
    generatedBy: 'scripts/data/build-units.ts',
    agencyCodeNote: AGENCY_CODE_NOTE,
    slugNote: SLUG_NOTE,
    corrections,
    counts: { provinces: provinces.length, communes: communes.length },
    provinces,
    communes,
  };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'units.json'), serialise(doc, ['provinces', 'communes', 'corrections']));
  const licence = readFileSync(licencePath, 'utf8').trimEnd();
  writeFileSync(
    join(outDir, 'units.LICENSE'),
    `${licence}\n\n---\nSOURCE: units.json is derived from ${SOURCE}.\n` +
      'Copyright (c) 2021 Thang Le Quoc, MIT licence above. Converted by scripts/data/build-units.ts ' +
      '(fields renamed, communes sorted by code, slugs and default agency codes added).\n',
  );

  const kinds = communes.reduce<Record<string, number>>((acc, c) => {
    acc[c.kind] = (acc[c.kind] ?? 0) + 1;
    return acc;
  }, {});
  console.log(
    `wrote ${join(outDir, 'units.json')}: ${provinces.length} provinces, ${communes.length} communes`,
  );
  console.log(`kinds: ${JSON.stringify(kinds)}; corrections: ${corrections.length}`);
}

main();
