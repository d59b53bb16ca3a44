import { describe, expect, it } from 'vitest';
import { ApiError, queryString } from '../../src/staff/api';
import { checkReview, EMPTY_REVIEW } from '../../src/staff/review-rules';
import { canMove, nextStates, REVIEW_STATES } from '../../src/shared/review';
import { dateRangeError, filtersFromQuery, filtersToQuery } from '../../src/staff/inbox-filters';
import { cssString } from '../../src/requests/print/print-header';
import { errorText } from '../../src/staff/text';
import { checkCode, checkNewPassword } from '../../src/staff/validate';
import { personName, wireToForm } from '../../src/staff/request-sections';
import { detail } from '../component/staff-fixtures';

describe('review rules', () => {
  it('offers only the moves the contract allows', () => {
    expect(nextStates('received')).toEqual(['in_review']);
    expect(nextStates('in_review')).toEqual(['needs_information', 'accepted', 'referred', 'closed']);
    expect(nextStates('needs_information')).toEqual(['in_review', 'accepted', 'referred', 'closed']);
    expect(nextStates('closed')).toEqual(['in_review']);
    // The server's check and the console's offer are one table.
    for (const from of REVIEW_STATES) for (const to of REVIEW_STATES) expect(canMove(from, to)).toBe(nextStates(from).includes(to));
  });

  it('asks each state for what it needs and sends only that', () => {
    expect(checkReview({ ...EMPTY_REVIEW, state: 'accepted', caseNumber: ' ' })).toEqual({ ok: false, errors: { caseNumber: 'Enter the office’s case number.' } });
    expect(checkReview({ ...EMPTY_REVIEW, state: 'accepted', caseNumber: ' OMB-1 ', referredTo: 'ignored' })).toEqual({ ok: true, change: { state: 'accepted', caseNumber: 'OMB-1' } });
    expect(checkReview({ ...EMPTY_REVIEW, state: 'referred', referral: 'uscis', referredTo: 'x'.repeat(201) }).ok).toBe(false);
    expect(checkReview({ ...EMPTY_REVIEW, state: 'referred', referredTo: 'Field office' })).toEqual({ ok: false, errors: { referral: 'Choose where the request was referred.' } });
    expect(checkReview({ ...EMPTY_REVIEW, state: 'referred', referral: 'legal_help', referredTo: ' ' })).toEqual({ ok: true, change: { state: 'referred', referral: 'legal_help' } });
    expect(checkReview({ ...EMPTY_REVIEW, state: 'closed', closeReason: '' }).ok).toBe(false);
    expect(checkReview({ ...EMPTY_REVIEW, state: 'needs_information', infoReasons: ['other'], infoNote: 'y'.repeat(501) }).ok).toBe(false);
    expect(checkReview({ ...EMPTY_REVIEW, state: 'needs_information', infoReasons: ['other'], infoNote: '  ' })).toEqual({ ok: true, change: { state: 'needs_information', infoReasons: ['other'] } });
    expect(checkReview(EMPTY_REVIEW)).toEqual({ ok: false, errors: { state: 'Choose the new state.' } });
  });
});

describe('inbox filters in the address', () => {
  it('round-trips every filter, drops unknown values, and never carries the search text', () => {
    const f = filtersFromQuery({ state: 'closed', from: '2026-01-02', to: 'soon', urgent: '1', assigned: 'me', lang: 'es', form: 'I-130', event: 'e1' });
    expect(f).toMatchObject({ state: 'closed', from: '2026-01-02', to: '', urgent: true, assigned: 'me' });
    expect(filtersToQuery({ ...f, q: 'A012345678' })).toBe('?state=closed&from=2026-01-02&form=I-130&urgent=1&lang=es&assigned=me&event=e1');
    expect(filtersFromQuery({ state: 'deleted' }).state).toBe('');
    expect(dateRangeError({ from: '2026-02-01', to: '2026-01-01' })).toBeTruthy();
    expect(dateRangeError({ from: '2026-01-01', to: '2026-01-01' })).toBeUndefined();
  });

  it('leaves empty and false values out of API queries', () => {
    expect(queryString({ a: '', b: undefined, c: false, d: true, e: 0, f: 'x y' })).toBe('?d=1&e=0&f=x+y');
    expect(queryString({})).toBe('');
  });
});

describe('words for failures', () => {
  it('says until when a locked account stays locked', () => {
    const text = errorText(new ApiError(429, 'locked', 90), new Date('2026-12-04T10:00:00Z'));
    expect(text).toMatch(/locked for 2 minutes, until/);
  });

  it('treats a busy server as retryable and names a refused filter', () => {
    expect(errorText(new ApiError(503, 'anything'))).toMatch(/Try again in a moment; nothing you typed was lost/);
    expect(errorText(new ApiError(400, 'invalid_from'))).toBe('Check the “received from” date: the server could not use it.');
    expect(errorText(new Error('boom'))).toMatch(/server had a problem/);
  });
});

describe('checks before asking the server', () => {
  it('wants 6 digits and a long password that is not the e-mail', () => {
    expect(checkCode('123 456')).toBeUndefined();
    expect(checkCode('12345')).toBeTruthy();
    expect(checkNewPassword('short', 'a@b.gov')).toBeTruthy();
    expect(checkNewPassword('Jane.Doe.Agency', 'jane.doe.agency@x.gov')).toBe('Do not use your e-mail address as the password.');
    expect(checkNewPassword('lantern orchard pebble', 'a@b.gov')).toBeUndefined();
  });
});

describe('the printed header', () => {
  it('escapes quotes, backslashes and line breaks into one safe CSS string', () => {
    expect(cssString('O"Brien \\ x\n"; } body { color: red')).toBe('"O\\"Brien \\\\ x \\"; } body { color: red"');
  });
});

describe('a delivered request read back into the form', () => {
  it('keeps the helper, the consent and the typed signature', () => {
    const { request } = detail();
    const form = wireToForm(request);
    expect(form.filler).toBe('helper');
    expect(form.submitter.relationship).toBe('family');
    expect(form.consent).toMatchObject({ agreed: true, shareWithSubmitter: true, signatureKind: 'typed', typedName: 'Ana García López' });
    expect(form.case.priorAttempts[0]).toEqual({ channel: 'contact_center', date: '2026-10-01', serviceRequestNumber: 'SRN1234567890' });
    expect(personName(request)).toBe('García López, Ana');
  });
});
