/**
 * Statutory days off derived from the Labour Code 2019 Art. 112 for years with no official schedule
 * imported. The Prime Minister's yearly schedule usually moves days around (swaps and make-up
 * Saturdays); those cannot be predicted, so a derived year is a best guess to be replaced by the
 * official one as soon as it is published.
 */
import { canChiOfYear, lunarToSolar } from './lunar.ts';
import { OFFICIAL_CALENDARS } from './official-calendars.ts';
import type { CalendarDay } from './types.ts';
import { addDays, type PlainDate, weekdayOf } from './vn-time.ts';
import type { YearDays } from './work-calendar.ts';

const isWeekend = (date: PlainDate): boolean => {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
};

function formatDmy(date: PlainDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Length of the run of days off around `anchor` when `holidays` are off on top of the weekend. */
function breakLength(anchor: PlainDate, holidays: ReadonlySet<PlainDate>): number {
  const isOff = (d: PlainDate) => holidays.has(d) || isWeekend(d);
  let length = 1;
  for (let d = addDays(anchor, -1); isOff(d); d = addDays(d, -1)) length++;
  for (let d = addDays(anchor, 1); isOff(d); d = addDays(d, 1)) length++;
  return length;
}

/**
 * National Day is 2/9 plus one adjacent day, left to the yearly decision. Take the side that joins the
 * weekend into the longer break, and 1/9 on a tie (as decided for 2026, when 2/9 was a Wednesday).
 */
function nationalDayPartner(year: number): PlainDate {
  const y = String(year).padStart(4, '0');
  const national = `${y}-09-02`;
  const before = `${y}-09-01`;
  const after = `${y}-09-03`;
  const withBefore = breakLength(national, new Set([before, national]));
  const withAfter = breakLength(national, new Set([national, after]));
  return withAfter > withBefore ? after : before;
}

/** The choices the law leaves to the yearly decision, made the usual way for a derived year. */
export interface DerivationRules {
  /**
   * The five Tết days as offsets from the lunar New Year's day (0 = mùng 1). The law gives five days
   * without fixing them; the usual arrangement is the last day of the old year and the first four of
   * the new one: [-1, 0, 1, 2, 3].
   */
  tetDays: readonly number[];
}

export const DEFAULT_DERIVATION_RULES: DerivationRules = Object.freeze({
  tetDays: Object.freeze([-1, 0, 1, 2, 3]),
});

function checkRules(rules: DerivationRules): void {
  const { tetDays } = rules;
  if (
    tetDays.length !== 5 ||
    new Set(tetDays).size !== 5 ||
    !tetDays.every((d) => Number.isInteger(d) && d >= -7 && d <= 7)
  ) {
    throw new RangeError(
      `tetDays must be five different offsets from the lunar New Year within a week: ${JSON.stringify(tetDays)}`,
    );
  }
}

function tetNote(offset: number): string {
  if (offset === -1) return 'Ngày cuối năm âm lịch';
  if (offset < -1) return `${-offset} ngày trước Tết`;
  return `Mùng ${offset + 1} Tết`;
}

/** Statutory holidays of `year` (Labour Code Art. 112) with compensatory days for those on a weekend. */
export function deriveStatutoryHolidays(
  year: number,
  rules: DerivationRules = DEFAULT_DERIVATION_RULES,
): CalendarDay[] {
  checkRules(rules);
  const y = String(year).padStart(4, '0');
  const tet = lunarToSolar(1, 1, year);
  const tetName = `Tết Nguyên đán ${canChiOfYear(year)}`;
  const statutory: CalendarDay[] = [
    { date: `${y}-01-01`, kind: 'holiday', name: 'Tết Dương lịch', source: 'derived' },
    ...rules.tetDays.map(
      (offset): CalendarDay => ({
        date: addDays(tet, offset),
        kind: 'holiday',
        name: tetName,
        source: 'derived',
        note: tetNote(offset),
      }),
    ),
    {
      date: lunarToSolar(10, 3, year),
      kind: 'holiday',
      name: 'Giỗ Tổ Hùng Vương',
      source: 'derived',
      note: '10 tháng 3 âm lịch',
    },
    { date: `${y}-04-30`, kind: 'holiday', name: 'Ngày Chiến thắng (30/4)', source: 'derived' },
    { date: `${y}-05-01`, kind: 'holiday', name: 'Ngày Quốc tế Lao động (1/5)', source: 'derived' },
    { date: nationalDayPartner(year), kind: 'holiday', name: 'Quốc khánh (2/9)', source: 'derived' },
    { date: `${y}-09-02`, kind: 'holiday', name: 'Quốc khánh (2/9)', source: 'derived' },
  ];
  const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  statutory.sort(byDate);

  // Every statutory day is owed as a weekday off: one on the weekly rest day (Art. 111(3)) or on a
  // date already taken by another holiday (Hùng Kings fell on 30/4 in 1947) moves to the next free
  // working day.
  const listed = new Map<PlainDate, CalendarDay>();
  const displaced: { day: CalendarDay; why: string }[] = [];
  for (const day of statutory) {
    const same = listed.get(day.date);
    if (same) {
      same.name = `${same.name}, ${day.name}`;
      displaced.push({ day, why: 'trùng ngày lễ khác' });
    } else {
      listed.set(day.date, day);
      if (isWeekend(day.date)) displaced.push({ day, why: 'trùng ngày nghỉ hằng tuần' });
    }
  }
  for (const { day, why } of displaced) {
    let replacement = addDays(day.date, 1);
    while (isWeekend(replacement) || listed.has(replacement)) replacement = addDays(replacement, 1);
    listed.set(replacement, {
      date: replacement,
      kind: 'compensatory',
      name: `${day.name} (nghỉ bù)`,
      source: 'derived',
      note: `Nghỉ bù cho ngày ${formatDmy(day.date)} ${why}`,
    });
  }
  return [...listed.values()].sort(byDate);
}

/**
 * The days of any year: the official schedule where `official` has days of that year, the derived
 * statutory holidays otherwise. Each year is worked out once and kept.
 */
export function officialOrDerived(
  official: readonly CalendarDay[],
  rules: DerivationRules = DEFAULT_DERIVATION_RULES,
): YearDays {
  checkRules(rules);
  const byYear = new Map<number, CalendarDay[]>();
  for (const day of official) {
    const year = Number(day.date.slice(0, 4));
    const list = byYear.get(year);
    if (list) list.push(day);
    else byYear.set(year, [day]);
  }
  const derived = new Map<number, readonly CalendarDay[]>();
  return (year) => {
    const listed = byYear.get(year);
    if (listed) return listed;
    let days = derived.get(year);
    if (!days) {
      days = Object.freeze(deriveStatutoryHolidays(year, rules));
      derived.set(year, days);
    }
    return days;
  };
}

/** Days off and make-up days of `year`: the official schedule when one is known, else the derived one. */
export function calendarDaysForYear(year: number): CalendarDay[] {
  const official = OFFICIAL_CALENDARS[year];
  return official ? official.map((d) => ({ ...d })) : deriveStatutoryHolidays(year);
}
