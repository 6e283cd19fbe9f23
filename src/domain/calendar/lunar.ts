/**
 * Vietnamese lunisolar calendar, computed the way Hồ Ngọc Đức published it (new moons and the sun's
 * longitude from Meeus-style series) but for Vietnam's own meridian, UTC+7. The Chinese calendar uses
 * UTC+8; when a new moon falls between 16:00 and 17:00 UTC the two calendars start a month on different
 * days (Tết 1985 and 2007 differ), which is why no Chinese lunar library may be used here.
 */
import { fromEpochDay, type PlainDate, toEpochDay } from './vn-time.ts';

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day number of 1970-01-01. */
const JDN_OF_EPOCH = 2_440_588;
/** Julian day of the new moon of 1900-01-01 (k = 0 in the new-moon series). */
const FIRST_NEW_MOON_JD = 2_415_021.076998695;
const RAD = Math.PI / 180;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True in the intercalary month (tháng nhuận) that repeats `month`. */
  isLeap: boolean;
}

const sinDeg = (deg: number): number => Math.sin(deg * RAD);

/** Julian day (UT, fractional) of the k-th new moon counted from the one of January 1900. */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2_415_020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * sinDeg(166.56 + 132.87 * t - 0.009173 * t2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitudeArg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const m = sunAnomaly;
  const mp = moonAnomaly;
  const f = latitudeArg;
  const periodic =
    (0.1734 - 0.000393 * t) * sinDeg(m) +
    0.0021 * sinDeg(2 * m) -
    0.4068 * sinDeg(mp) +
    0.0161 * sinDeg(2 * mp) -
    0.0004 * sinDeg(3 * mp) +
    0.0104 * sinDeg(2 * f) -
    0.0051 * sinDeg(m + mp) -
    0.0074 * sinDeg(m - mp) +
    0.0004 * sinDeg(2 * f + m) -
    0.0004 * sinDeg(2 * f - m) -
    0.0006 * sinDeg(2 * f + mp) +
    0.001 * sinDeg(2 * f - mp) +
    0.0005 * sinDeg(2 * mp + m);
  // The series gives dynamical time; subtract ΔT (in days) to get universal time.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + periodic - deltaT;
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** The sun's true longitude in radians, normalised to [0, 2π), at Julian day `jd` (UT). */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545.0) / 36_525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * sinDeg(meanAnomaly) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * meanAnomaly) +
    0.00029 * sinDeg(3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * RAD;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/** Which 30° sector (0..11) of the ecliptic the sun is in at local midnight starting day `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** Julian day number on which lunar month 11 (the month holding the winter solstice of `year`) starts. */
function month11Start(year: number): number {
  const dec31 = toEpochDay(`${String(year).padStart(4, '0')}-12-31`) + JDN_OF_EPOCH;
  const k = Math.floor((dec31 - 2_415_021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // Sector 9 begins at 270°, the solstice: a month starting after it is month 12, so step back one.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

interface MonthSpan {
  start: number;
  length: number;
  month: number;
  isLeap: boolean;
  lunarYear: number;
}

const spanCache = new Map<number, readonly MonthSpan[]>();

/**
 * The lunar months from month 11 of Gregorian year `year - 1` up to (not including) month 11 of `year`:
 * months 11 and 12 of lunar year `year - 1`, then months 1–10 of lunar year `year`, and one leap month
 * when 13 new moons fit between the two solstice months.
 */
function monthsBetweenSolstices(year: number): readonly MonthSpan[] {
  const cached = spanCache.get(year);
  if (cached) return cached;
  const from = month11Start(year - 1);
  const to = month11Start(year);
  const k = Math.floor(0.5 + (from - FIRST_NEW_MOON_JD) / SYNODIC_MONTH);
  const count = Math.round((to - from) / SYNODIC_MONTH);
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(k + i));
  // The leap month is the first one after month 11 in which the sun crosses no 30° boundary
  // (it holds no principal solar term), so it takes the number of the month before it.
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunSector(starts[i] as number) === sunSector(starts[i + 1] as number)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: MonthSpan[] = [];
  for (let i = 0; i < count; i++) {
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
    const month = ((ordinal + 10) % 12) + 1;
    const start = starts[i] as number;
    months.push({
      start,
      length: (starts[i + 1] as number) - start,
      month,
      isLeap: i === leapIndex,
      lunarYear: month >= 11 ? year - 1 : year,
    });
  }
  spanCache.set(year, months);
  return months;
}

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`${what} must be an integer year in ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

function findMonth(lunarMonth: number, lunarYear: number, isLeapMonth: boolean): MonthSpan {
  assertYear(lunarYear, 'Lunar year');
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Lunar month must be an integer 1–12: ${lunarMonth}`);
  }
  // Months 11 and 12 of a lunar year sit at the start of the next Gregorian year's span.
  const months = monthsBetweenSolstices(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
  const span = months.find((m) => m.month === lunarMonth && m.isLeap === isLeapMonth);
  if (!span) throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  return span;
}

/** Solar date of a Vietnamese lunar date; throws RangeError for a day or leap month that does not exist. */
export function lunarToSolar(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  isLeapMonth = false,
): PlainDate {
  const span = findMonth(lunarMonth, lunarYear, isLeapMonth);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > span.length) {
    throw new RangeError(
      `Lunar month ${lunarMonth}/${lunarYear} has ${span.length} days, not day ${lunarDay}`,
    );
  }
  return fromEpochDay(span.start + lunarDay - 1 - JDN_OF_EPOCH);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarMonth: number, lunarYear: number, isLeapMonth = false): number {
  return findMonth(lunarMonth, lunarYear, isLeapMonth).length;
}

/** Vietnamese lunar date of a solar (Gregorian) date. */
export function solarToLunar(date: PlainDate): LunarDate {
  const jdn = toEpochDay(date) + JDN_OF_EPOCH;
  const year = Number(date.slice(0, 4));
  assertYear(year, 'Solar year');
  const months = monthsBetweenSolstices(jdn >= month11Start(year) ? year + 1 : year);
  let span = months[0] as MonthSpan;
  for (const m of months) if (m.start <= jdn) span = m;
  return { day: jdn - span.start + 1, month: span.month, year: span.lunarYear, isLeap: span.isLeap };
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Sexagenary (Can Chi) name of a lunar year, e.g. 2026 → 'Bính Ngọ'. */
export function canChiOfYear(lunarYear: number): string {
  if (!Number.isInteger(lunarYear)) throw new RangeError(`Lunar year must be an integer: ${lunarYear}`);
  // Year 4 CE was Giáp Tý, the start of a cycle.
  const stem = STEMS[(((lunarYear - 4) % 10) + 10) % 10] as string;
  const branch = BRANCHES[(((lunarYear - 4) % 12) + 12) % 12] as string;
  return `${stem} ${branch}`;
}
