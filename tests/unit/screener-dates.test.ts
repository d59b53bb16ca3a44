import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addPostedMonths,
  caseInquiryDate,
  checkProcessingTime,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
} from '../../src/shared/dates';

const check = (receivedDate: string, posted: Parameters<typeof checkProcessingTime>[0]['posted'], today: string) =>
  checkProcessingTime({ receivedDate, posted, today, noPostedTimeMonths: 6 });

describe('calendar basics', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-5', '05/01/2024', '', '2024-02-29T00:00', ' 2024-02-01']) {
      expect(parseIsoDate(bad), bad).toBeNull();
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('compares dates', () => {
    expect(compareIsoDates('2024-01-31', '2024-02-01')).toBe(-1);
    expect(compareIsoDates('2024-02-01', '2024-02-01')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBe(1);
  });
});

describe('addMonths clamps to the end of the month', () => {
  it.each([
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-01-30', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2023-08-31', 1, '2023-09-30'],
    ['2023-10-31', 1, '2023-11-30'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2023-12-15', 1, '2024-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2025-05-31', 0, '2025-05-31'],
    ['1999-11-30', 3, '2000-02-29'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('refuses fractions and non-dates', () => {
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2023-02-29', 1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2000-02-28', 2)).toBe('2000-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2025-01-01', '2024-12-01')).toBe(-31);
  });

  it('agrees with the UTC calendar for any date and offset', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / day, max: Date.UTC(2200, 0, 1) / day }), fc.integer({ min: -5000, max: 5000 }), (n, offset) => {
        const from = new Date(n * day).toISOString().slice(0, 10);
        const expected = new Date((n + offset) * day).toISOString().slice(0, 10);
        expect(addDays(from, offset)).toBe(expected);
        expect(daysBetween(from, expected)).toBe(offset);
      }),
    );
  });

  it('addMonths keeps the day or clamps it, and lands in the right month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: -240, max: 240 }), (y, m, d, k) => {
        const day = Math.min(d, daysInMonth(y, m));
        const from = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const out = parseIsoDate(addMonths(from, k))!;
        const index = y * 12 + m - 1 + k;
        expect(out.year * 12 + out.month - 1).toBe(index);
        expect(out.day).toBe(Math.min(day, daysInMonth(out.year, out.month)));
      }),
    );
  });
});

describe('posted times with a fraction of a month', () => {
  it('adds the fraction as days of a mean month, rounded up', () => {
    expect(addPostedMonths('2024-01-15', 10)).toBe('2024-11-15');
    // 0.5 month = 15.2 days -> 16
    expect(addPostedMonths('2024-01-15', 10.5)).toBe('2024-12-01');
    expect(addPostedMonths('2023-01-31', 1.1)).toBe('2023-03-04');
    expect(() => addPostedMonths('2024-01-01', -1)).toThrow(RangeError);
  });
});

describe('processing-time check', () => {
  it('is inside through received + posted months, outside from the next day', () => {
    expect(check('2024-01-31', { kind: 'months', months: 1 }, '2024-02-29')).toMatchObject({
      insideUntil: '2024-02-29',
      outsideFrom: '2024-03-01',
      outside: false,
      daysToGo: 1,
      basis: 'posted',
      months: 1,
    });
    expect(check('2024-01-31', { kind: 'months', months: 1 }, '2024-03-01')).toMatchObject({ outside: true, daysToGo: 0 });
    expect(check('2023-01-31', { kind: 'months', months: 1 }, '2023-03-01')).toMatchObject({ insideUntil: '2023-02-28', outsideFrom: '2023-03-01', outside: true });
    expect(check('2023-01-31', { kind: 'months', months: 1 }, '2023-02-28')).toMatchObject({ outside: false, daysToGo: 1 });
  });

  it('is outside exactly when the receipt date is before USCIS\'s case-inquiry date (today minus the posted time)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 10, max: 600 }).map((n) => n / 10)),
        (start, gap, months) => {
          const received = addDays('1995-01-01', start);
          const today = addDays(received, gap);
          const r = check(received, { kind: 'months', months }, today);
          expect(r.inquiryDate).toBe(caseInquiryDate(today, months));
          expect(r.outside).toBe(compareIsoDates(received, r.inquiryDate) < 0);
          // outsideFrom is the first such day.
          expect(compareIsoDates(received, caseInquiryDate(r.outsideFrom, months))).toBe(-1);
          expect(compareIsoDates(received, caseInquiryDate(r.insideUntil, months))).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('waits for the inquiry date where month ends hold it back', () => {
    // Every day from Mar 28 to Mar 31, minus one month, is Feb 28.
    expect(check('2023-02-28', { kind: 'months', months: 1 }, '2023-03-31')).toMatchObject({
      inquiryDate: '2023-02-28',
      outside: false,
      outsideFrom: '2023-04-01',
      daysToGo: 1,
    });
    expect(check('2023-02-28', { kind: 'months', months: 1 }, '2023-04-01').outside).toBe(true);
  });

  it('uses the upper end of a range', () => {
    const r = check('2024-01-10', { kind: 'range', min: 7, max: 9.5 }, '2024-10-10');
    expect(r).toMatchObject({ basis: 'range', months: 9.5, outside: false });
    // 9 months -> 2024-10-10, + ceil(0.5 * 30.44) = 16 days -> 2024-10-26 inside, outside from 10-27
    expect(r.insideUntil).toBe('2024-10-26');
    expect(r.outsideFrom).toBe('2024-10-27');
    expect(check('2024-01-10', { kind: 'range', min: 7, max: 9.5 }, '2024-10-27').outside).toBe(true);
    // Between the ends of the range: still inside.
    expect(check('2024-01-10', { kind: 'range', min: 7, max: 9 }, '2024-09-01').outside).toBe(false);
    // A range typed backwards still counts its larger end.
    expect(check('2024-01-10', { kind: 'range', min: 9, max: 7 }, '2024-10-10').months).toBe(9);
  });

  it('counts six months when USCIS posts no time', () => {
    const r = check('2024-08-31', { kind: 'none' }, '2025-02-28');
    expect(r).toMatchObject({ basis: 'no-posted-time', months: 6, insideUntil: '2025-02-28', outsideFrom: '2025-03-01', outside: false, daysToGo: 1 });
    expect(check('2024-08-31', { kind: 'none' }, '2025-03-01').outside).toBe(true);
    expect(check('2023-08-31', { kind: 'none' }, '2024-02-29')).toMatchObject({ insideUntil: '2024-02-29', outside: false });
  });

  it('counts leap days', () => {
    expect(check('2024-02-29', { kind: 'months', months: 12 }, '2025-03-01')).toMatchObject({ insideUntil: '2025-02-28', outsideFrom: '2025-03-01', outside: true });
    // 2024-02-29 minus 12 months is 2023-02-28: not yet before the receipt date.
    expect(check('2023-02-28', { kind: 'months', months: 12 }, '2024-02-29')).toMatchObject({ insideUntil: '2024-02-29', outside: false });
    expect(check('2023-02-28', { kind: 'months', months: 12 }, '2024-03-01').outside).toBe(true);
  });
});
