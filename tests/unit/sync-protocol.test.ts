import { describe, expect, it } from 'vitest';
import { attachmentUrl, classify, parseErrorBody, requestUrl, type ResponseLike } from '../../src/shared/protocol';

const ID = '3f1e2d4c-5b6a-4789-8abc-def012345678';
const FILE = '9b2c4d6e-8f01-4a23-9b45-67890abcdef1';
const SHA = 'ab'.repeat(32);

function res(status: number, body: unknown, headers: Record<string, string> = {}): ResponseLike {
  const h = new Headers(headers);
  return { status, body, headers: h };
}

describe('delivery protocol', () => {
  it('builds URLs under any API base', () => {
    expect(requestUrl('/api/v1', ID)).toBe(`/api/v1/requests/${ID}`);
    expect(requestUrl('https://intake.example.org/api/v1/', ID)).toBe(`https://intake.example.org/api/v1/requests/${ID}`);
    expect(attachmentUrl('/api/v1', ID, FILE)).toBe(`/api/v1/requests/${ID}/attachments/${FILE}`);
  });

  it('counts a 2xx only when the body echoes the id', () => {
    const receipt = { id: ID, confirmation: 'K7Q-4M2-XP9', receivedAt: '2025-05-03T12:00:00.000Z' };
    expect(classify(res(201, receipt), { id: ID })).toEqual({ kind: 'delivered', receipt });
    expect(classify(res(200, { ...receipt, id: 'other' }), { id: ID })).toEqual({ kind: 'retry', code: 'bad_response' });
    // A captive portal's page: 200 and HTML (parsed as nothing).
    expect(classify(res(200, undefined), { id: ID })).toEqual({ kind: 'retry', code: 'bad_response' });
    expect(classify(res(200, { ...receipt, confirmation: '<b>hi</b>' }), { id: ID }).kind).toBe('retry');
  });

  it('counts an attachment upload only when id, file and checksum are echoed', () => {
    const ok = { id: ID, attachmentId: FILE, sha256: SHA };
    expect(classify(res(200, ok), { id: ID, attachmentId: FILE, sha256: SHA })).toEqual({ kind: 'uploaded' });
    expect(classify(res(200, { ...ok, sha256: 'cd'.repeat(32) }), { id: ID, attachmentId: FILE, sha256: SHA }).kind).toBe('retry');
    expect(classify(res(200, { ...ok, attachmentId: ID }), { id: ID, attachmentId: FILE }).kind).toBe('retry');
  });

  it('retries network-ish answers, honouring Retry-After', () => {
    expect(classify(res(503, { error: 'server_error' }, { 'Retry-After': '7' }), { id: ID })).toEqual({
      kind: 'retry',
      code: 'server_error',
      retryAfterMs: 7_000,
    });
    expect(classify(res(429, { error: 'rate_limited' }, { 'Retry-After': '3' }), { id: ID })).toMatchObject({ kind: 'retry', retryAfterMs: 3_000 });
    expect(classify(res(408, undefined), { id: ID })).toEqual({ kind: 'retry', code: 'http_408' });
    expect(classify(res(502, '<html>'), { id: ID })).toEqual({ kind: 'retry', code: 'http_502' });
  });

  it('sends refused requests back with codes and paths', () => {
    const body = { error: 'invalid', issues: [{ code: 'date.future', path: 'person.dateOfBirth' }, { code: 'required', path: 'case.formTypes' }] };
    expect(classify(res(422, body), { id: ID })).toEqual({ kind: 'refused', reasons: body.issues });
    expect(classify(res(422, { error: 'decrypt_failed' }), { id: ID })).toEqual({ kind: 'refused', reasons: [{ code: 'decrypt_failed' }] });
    expect(classify(res(409, { error: 'conflict' }), { id: ID })).toEqual({ kind: 'refused', reasons: [{ code: 'conflict' }] });
    expect(classify(res(413, undefined), { id: ID })).toEqual({ kind: 'refused', reasons: [{ code: 'http_413' }] });
  });

  it('tells a rotated key and missing files apart from refusals', () => {
    expect(classify(res(409, { error: 'unknown_kid', current: 'abc' }), { id: ID })).toEqual({ kind: 'unknown-kid', current: 'abc' });
    expect(classify(res(409, { error: 'missing_attachments', missing: [FILE] }), { id: ID })).toEqual({ kind: 'missing-attachments', ids: [FILE] });
    expect(classify(res(422, { error: 'checksum_mismatch' }), { id: ID, attachmentId: FILE })).toEqual({ kind: 'retry', code: 'checksum_mismatch' });
  });

  it('does not trust a 4xx that is not ours (a proxy or a portal)', () => {
    expect(classify(res(403, '<html>blocked</html>'), { id: ID })).toEqual({ kind: 'retry', code: 'http_403' });
    expect(classify(res(404, { message: 'nope' }), { id: ID })).toEqual({ kind: 'retry', code: 'http_404' });
  });

  it('keeps only well-formed parts of an error body', () => {
    expect(parseErrorBody({ error: 'Invalid!' })).toBeUndefined();
    expect(parseErrorBody({ error: 'invalid', issues: [{ code: 'ok' }, { code: 5 }, 'x', { code: 'x', path: 'a'.repeat(500) }] })).toEqual({
      error: 'invalid',
      issues: [{ code: 'ok' }, { code: 'x' }],
    });
    expect(parseErrorBody(null)).toBeUndefined();
    expect(parseErrorBody([1])).toBeUndefined();
  });
});
