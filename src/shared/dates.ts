/**
 * Calendar arithmetic on plain ISO dates ("YYYY-MM-DD"), with no time zone
 * and no Date object: a receipt date printed on a USCIS notice is a calendar
 * day, and converting it through local midnight would shift it by a day for
 * anyone west of UTC. Pure functions only; `today` is always an argument.
 */

/** A calendar date written YYYY-MM-DD. Check with `isIsoDate` before trusting one. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** The parts of a real calendar date, or null for anything else (2023-02-29, 2024-13-01, "1/2/2024"). */
export function parseIsoDate(text: string): DateParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function mustParse(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return parts;
}

/** -1, 0 or 1. Valid ISO dates sort as strings, so no parsing is needed. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil), so adding days never goes through a time zone.
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`whole days only: ${days}`);
  return formatIsoDate(fromDayNumber(toDayNumber(mustParse(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(mustParse(to)) - toDayNumber(mustParse(from));
}

/**
 * Calendar months, clamped to the end of the target month the way people
 * and USCIS count: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year),
 * Aug 31 + 1 month = Sep 30. `months` may be negative.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`whole months only: ${months}`);
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** 365.2425 / 12: the mean Gregorian month, used only for the fraction of a posted time. */
export const MEAN_MONTH_DAYS = 365.2425 / 12;

/**
 * USCIS posts times such as "10.5 Months". Whole months are added on the
 * calendar; the fraction becomes days of a mean month, rounded up so the
 * screener never tells someone they are outside the posted time a day
 * before USCIS would.
 */
export function addPostedMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isFinite(months) || months < 0) throw new RangeError(`not a duration in months: ${months}`);
  const whole = Math.floor(months);
  const extraDays = Math.ceil((months - whole) * MEAN_MONTH_DAYS);
  return addDays(addMonths(date, whole), extraDays);
}

/** What the person read on USCIS's processing-times page for their form. */
export type PostedTime =
  | { kind: 'months'; months: number }
  /** Some pages show "7 Months to 9.5 Months". */
  | { kind: 'range'; min: number; max: number }
  /** USCIS lists no processing time for the form. */
  | { kind: 'none' };

export interface ProcessingCheck {
  receivedDate: IsoDate;
  /** 'posted': a single time; 'range': the upper end of a range; 'no-posted-time': the six-month rule. */
  basis: 'posted' | 'range' | 'no-posted-time';
  /** The months the check counted. */
  months: number;
  /** As of today, USCIS takes inquiries about cases received before this date ("receipt date for a case inquiry"). */
  inquiryDate: IsoDate;
  /** The last day the case is still inside the posted time. */
  insideUntil: IsoDate;
  /** The first day the case is outside the posted time. */
  outsideFrom: IsoDate;
  /** True when `today` is on or after `outsideFrom`. */
  outside: boolean;
  /** Days from today until outsideFrom; 0 when already outside. */
  daysToGo: number;
}

/**
 * USCIS's "receipt date for a case inquiry" on a given day: that day minus
 * the posted time (whole months on the calendar, the fraction as days).
 */
export function caseInquiryDate(today: IsoDate, months: number): IsoDate {
  if (!Number.isFinite(months) || months < 0) throw new RangeError(`not a duration in months: ${months}`);
  const whole = Math.floor(months);
  const extraDays = Math.ceil((months - whole) * MEAN_MONTH_DAYS);
  return addMonths(addDays(today, -extraDays), -whole);
}

/**
 * Whether a case is outside the processing time USCIS posts, and from which
 * day it will be.
 *
 * We count it the way USCIS states it: a case may be asked about when its
 * receipt date is BEFORE the "receipt date for a case inquiry", which is
 * today minus the posted time. `outsideFrom` is the first day that holds.
 * It is usually the day after received + posted time, but month ends shift
 * it: received Feb 28 with 1 month posted becomes askable on Apr 1, because
 * every day from Mar 28 to Mar 31 minus one month is still Feb 28. Counting
 * forward alone would say Mar 29, days before USCIS would accept the inquiry.
 *
 * For a range we use its UPPER end. USCIS has said its "Receipt date for a
 * case inquiry" is the upper end of the range converted to a date (USCIS
 * "More Info" processing-times text, read in a stored copy: see
 * src/facts/ombudsman-policy.ts, `caseInquiryDateIsUpperEnd`), and the
 * Ombudsman generally cannot help a case only because it is slow until that
 * inquiry date has passed (`caseInquiryDate` there). Using the lower end
 * would send people to USCIS and the Ombudsman months before either acts.
 *
 * Where USCIS posts no time for the form, a case pending more than six
 * months may qualify (`noPostedTimeMonths`, from the Ombudsman's web alerts).
 */
export function checkProcessingTime(input: {
  receivedDate: IsoDate;
  posted: PostedTime;
  today: IsoDate;
  noPostedTimeMonths: number;
}): ProcessingCheck {
  const { receivedDate, posted, today, noPostedTimeMonths } = input;
  const basis = posted.kind === 'months' ? 'posted' : posted.kind === 'range' ? 'range' : 'no-posted-time';
  const months =
    posted.kind === 'months' ? posted.months : posted.kind === 'range' ? Math.max(posted.min, posted.max) : noPostedTimeMonths;
  const askable = (day: IsoDate) => compareIsoDates(receivedDate, caseInquiryDate(day, months)) < 0;
  // received + posted time is never askable (minus the same months gives the
  // received date or earlier); clamping can hold the answer back a few days.
  let outsideFrom = addDays(addPostedMonths(receivedDate, months), 1);
  for (let i = 0; i < 7 && !askable(outsideFrom); i++) outsideFrom = addDays(outsideFrom, 1);
  const outside = compareIsoDates(today, outsideFrom) >= 0;
  return {
    receivedDate,
    basis,
    months,
    inquiryDate: caseInquiryDate(today, months),
    insideUntil: addDays(outsideFrom, -1),
    outsideFrom,
    outside,
    daysToGo: outside ? 0 : daysBetween(today, outsideFrom),
  };
}

/** A stored answer shaped like a posted time (its numbers are checked by the engine's validation). */
export function isPostedTime(value: unknown): value is PostedTime {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
}
