/*
 * Former units (before 1 July 2025) and how a citizen finds today's commune by their name
 * (docs/domain-vn.md, Scope: two-tier local government, districts abolished 1 July 2025; the 34
 * provinces and 3,321 communes replaced 63 provinces, their districts and ~10,000 communes — the
 * mapping is data/former-units.json, see data/former-units.LICENSE for its source). Pure: the server builds its search index with
 * these functions and the web app filters its commune picker with the same ones.
 */
import { foldVietnamese } from '../text/fold.ts';

export const MATCH_LEVELS = ['commune', 'district', 'province'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

export const MATCH_KINDS = ['exact', 'prefix', 'contains'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/**
 * The form names are searched in: diacritics folded (đ → d), lowercase, anything but letters and
 * digits turned into a space ("Ia-Mơ" ≡ "ia mo"), spaces collapsed.
 */
export function unitSearchKey(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Longest first, so "thi tran" wins over a bare word. Folded forms of the kinds of units.
const KIND_PREFIXES = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'xa', 'phuong', 'huyen', 'quan', 'tinh'];

/**
 * How many leading words of a folded name say the kind of unit ("thi tran ba che" → 2, "tan thoi" → 0).
 * A name that is only a kind word keeps it ("phuong" alone is the name).
 */
export function kindPrefixWords(key: string): number {
  for (const prefix of KIND_PREFIXES) {
    if (key.startsWith(`${prefix} `)) return prefix.split(' ').length;
  }
  return 0;
}

/**
 * A name or query split into its kind and the rest, folded: "Thị trấn Ba Chẽ" → { kind: "thi tran",
 * bare: "ba che" }. Names are indexed by `bare`; a query naming a kind only matches names of that kind.
 */
export function splitUnitName(s: string): { kind: string; bare: string } {
  const words = unitSearchKey(s).split(' ');
  const head = kindPrefixWords(words.join(' '));
  return { kind: words.slice(0, head).join(' '), bare: words.slice(head).join(' ') };
}

/**
 * How well a name matches a query: the whole name (kind aside) is exact, a name starting with the
 * query is a prefix, a later word of the name starting with it is contained; undefined when it does
 * not match, or when the query names another kind ("xa tan phu" does not find "Huyện Tân Phú").
 * Matching inside a word ("hoi" in "thoi") is not offered: citizens type names from their first
 * letters, and the index serves word starts.
 */
export function matchUnitName(name: string, query: string): MatchKind | undefined {
  const n = splitUnitName(name);
  const q = splitUnitName(query);
  if (!q.bare || (q.kind && q.kind !== n.kind)) return undefined;
  if (n.bare === q.bare) return 'exact';
  if (n.bare.startsWith(q.bare)) return 'prefix';
  const words = n.bare.split(' ');
  for (let i = 1; i < words.length; i++) {
    if (words.slice(i).join(' ').startsWith(q.bare)) return 'contains';
  }
  return undefined;
}

export const MATCH_RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, contains: 2 };

/** A former unit that went (wholly or in part) into a commune of 1 July 2025. */
export interface FormerUnit {
  communeCode: string;
  /** 'district' only for a former island district that had no communes (it is its own unit). */
  level: 'commune' | 'district';
  formerCode: string;
  name: string;
  districtCode: string;
  districtName: string;
  provinceCode: string;
  provinceName: string;
  merge: 'full' | 'partial';
  confidence: string;
}

/** One name a commune may be found by: its own, its province's, or a former unit's. */
export interface SearchName {
  communeCode: string;
  level: MatchLevel;
  isFormer: boolean;
  code: string;
  name: string;
  /** Where the named unit lay ("Huyện Tân Phú Đông, Tỉnh Tiền Giang"); empty for a province. */
  context: string;
  /** splitUnitName(name) */
  kind: string;
  bare: string;
}

/**
 * Every name each commune may be found by: the commune and its province today, and each former
 * commune, district and province it was formed from (each district or province once per commune).
 */
export function searchNames(
  communes: ReadonlyArray<{ code: string; fullName: string; provinceCode: string }>,
  provinceNames: ReadonlyMap<string, string>,
  formerUnits: ReadonlyArray<FormerUnit>,
): SearchName[] {
  const byCommune = new Map<string, FormerUnit[]>();
  for (const f of formerUnits) {
    const list = byCommune.get(f.communeCode);
    if (list) list.push(f);
    else byCommune.set(f.communeCode, [f]);
  }
  // Province and district names repeat thousands of times: fold each distinct name once.
  const split = new Map<string, { kind: string; bare: string }>();
  const named = (base: Omit<SearchName, 'kind' | 'bare'>): SearchName => {
    let parts = split.get(base.name);
    if (!parts) {
      parts = splitUnitName(base.name);
      split.set(base.name, parts);
    }
    return { ...base, ...parts };
  };
  const out: SearchName[] = [];
  for (const c of communes) {
    const provinceName = provinceNames.get(c.provinceCode) ?? '';
    out.push(
      named({
        communeCode: c.code,
        level: 'commune',
        isFormer: false,
        code: c.code,
        name: c.fullName,
        context: provinceName,
      }),
      named({
        communeCode: c.code,
        level: 'province',
        isFormer: false,
        code: c.provinceCode,
        name: provinceName,
        context: '',
      }),
    );
    const districts = new Map<string, FormerUnit>();
    const provinces = new Map<string, FormerUnit>();
    for (const f of byCommune.get(c.code) ?? []) {
      if (f.level === 'commune') {
        out.push(
          named({
            communeCode: c.code,
            level: 'commune',
            isFormer: true,
            code: f.formerCode,
            name: f.name,
            context: `${f.districtName}, ${f.provinceName}`,
          }),
        );
      }
      districts.set(f.districtCode, f);
      provinces.set(f.provinceCode, f);
    }
    for (const f of districts.values()) {
      out.push(
        named({
          communeCode: c.code,
          level: 'district',
          isFormer: true,
          code: f.districtCode,
          name: f.districtName,
          context: f.provinceName,
        }),
      );
    }
    for (const f of provinces.values()) {
      out.push(
        named({
          communeCode: c.code,
          level: 'province',
          isFormer: true,
          code: f.provinceCode,
          name: f.provinceName,
          context: '',
        }),
      );
    }
  }
  return out;
}
