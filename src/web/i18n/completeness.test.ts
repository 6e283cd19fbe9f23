import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every string a reader sees exists in Vietnamese, English and Russian (issue 14 item 6): each key of a
 * Vietnamese namespace file (vi.json, vi.<namespace>.json) is in the English and Russian files of the
 * same namespace, non-empty and with the same {{placeholders}}; and no page writes Vietnamese in code
 * instead of a translation key.
 */

const I18N = import.meta.dirname;
const WEB = path.resolve(I18N, '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

// The number a plural string is chosen by, however a language writes it: Vietnamese pads it ("03 ngày").
const COUNT_LIKE = ['count', 'padded'];

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function read(file: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Tree);
}

/** A key without its plural suffix: languages have different plural forms of the same string. */
function baseKeys(strings: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of strings) {
    const base = key.replace(PLURAL, '');
    out.set(base, [...(out.get(base) ?? []), value]);
  }
  return out;
}

function placeholders(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [...v.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!)))]
    .filter((name) => !COUNT_LIKE.includes(name))
    .sort();
}

const namespaces = fs
  .readdirSync(I18N)
  .filter((f) => /^vi(\.[\w-]+)?\.json$/.test(f))
  .map((f) => f.slice(2));

describe('translations', () => {
  it('finds the namespace files', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['.json', '.workflow.json', '.reports.json']));
  });

  for (const ns of namespaces) {
    for (const lang of ['en', 'ru']) {
      it(`${lang}${ns} has every string of vi${ns}, non-empty, with the same placeholders`, () => {
        expect(fs.existsSync(path.join(I18N, `${lang}${ns}`)), `${lang}${ns} is missing`).toBe(true);
        const vi = baseKeys(read(`vi${ns}`));
        const other = baseKeys(read(`${lang}${ns}`));
        const missing = [...vi.keys()].filter((k) => !other.has(k));
        const empty = [...other].filter(([, values]) => values.some((v) => v.trim() === '')).map(([k]) => k);
        const wrongPlaceholders = [...vi]
          .filter(([k]) => other.has(k))
          .filter(([k, values]) => placeholders(values).join() !== placeholders(other.get(k)!).join())
          .map(([k]) => k);
        expect({ missing, empty, wrongPlaceholders }).toEqual({
          missing: [],
          empty: [],
          wrongPlaceholders: [],
        });
      });
    }
  }
});

/**
 * Vietnamese that is meant to stay in code, each with its reason. Anything else written in Vietnamese in
 * a page is a string an English or Russian reader would see untranslated.
 */
const ALLOWED: Array<{ file: string; text: string; why: string }> = [
  { file: 'i18n/languages.ts', text: 'Tiếng Việt', why: 'a language is named in its own language' },
  {
    file: 'api/client.ts',
    text: 'Không kết nối được máy chủ',
    why: 'fallback title; shown translated by code',
  },
  {
    file: 'features/catalog/ProcedureDetailPage.tsx',
    text: "${amount} ${fee.unitText ?? 'đồng'}",
    why: 'fee amounts are official Vietnamese data',
  },
  {
    file: 'features/queue/BoardPage.tsx',
    text: 'Mời số ${e.number} đến quầy ${e.counter}',
    why: 'the hall announcement is spoken in Vietnamese, whatever language the board is shown in',
  },
];
/** Files holding their own typed vi/en/ru tables (the compiler checks each language has every key). */
const OWN_TABLES = ['features/forms/strings.ts', 'features/citizen/strings.ts'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('no Vietnamese written in code', () => {
  it('finds none outside the translation files but the listed exceptions', () => {
    const found: string[] = [];
    for (const file of sources(WEB)) {
      const rel = path.relative(WEB, file).split(path.sep).join('/');
      if (OWN_TABLES.includes(rel)) continue;
      const text = withoutComments(fs.readFileSync(file, 'utf8'));
      // String literals, template literals and JSX text.
      for (const m of text.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`|>([^<>{}\n]+)</g)) {
        const literal = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
        if (!VIETNAMESE.test(literal)) continue;
        if (ALLOWED.some((a) => a.file === rel && literal.includes(a.text))) continue;
        found.push(`${rel}: ${literal.slice(0, 60)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
