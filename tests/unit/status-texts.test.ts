/**
 * Every review state and every reason code the office can send has its own
 * words in every language the app offers: not missing (which would show
 * English or the raw id) and, outside English, not an English copy.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { CLOSE_REASONS, INFO_REASONS, REFERRAL_REASONS, REVIEW_STATES } from '../../src/status/contract';
import { closeReasonId, infoReasonId, referralId, stateLabelId } from '../../src/status/texts';
import { readFileSync } from './node-fs';

const read = (code: string) =>
  JSON.parse(readFileSync(new URL(`../../locales/${code}/messages.json`, import.meta.url), 'utf8')) as Record<string, string>;

const ids = [
  ...[...REVIEW_STATES, 'other'].map(stateLabelId),
  ...INFO_REASONS.map(infoReasonId),
  ...CLOSE_REASONS.map(closeReasonId),
  ...REFERRAL_REASONS.map(referralId),
];
/** Names that are the same in every language. */
const SAME_EVERYWHERE = new Set(['status.referral.uscis']);
const english = read('en');

describe('status texts', () => {
  it('name one message per state and code, and fall back to "other" for a code this version does not know', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(stateLabelId('archived')).toBe('status.state.other');
    expect(infoReasonId('missing_passport_photo')).toBe('status.info.other');
    expect(closeReasonId('merged')).toBe('status.close.other');
    expect(referralId('state_department')).toBe('status.referral.other');
  });

  it.each(LOCALES.map((l) => l.code))('are all written in %s', (code) => {
    const messages = read(code);
    const missing = ids.filter((id) => !messages[id]?.trim());
    expect(missing).toEqual([]);
    if (code === 'en') return;
    const copied = ids.filter((id) => !SAME_EVERYWHERE.has(id) && messages[id] === english[id]);
    expect(copied).toEqual([]);
  });
});
