/**
 * The person's side of hearing back, against the real server in process:
 * the delivery keeps the status secret, a check reads what the office set,
 * an answer written offline with a photo arrives once under its request,
 * and an answer to a closed request comes back with the words kept.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/storage/db';
import { addAttachment } from '../../src/storage/attachments';
import { openFollowUp, saveFollowUpText } from '../../src/storage/follow-ups';
import { getStatus } from '../../src/storage/statuses';
import { submitDraft } from '../../src/outbox/submit';
import { flush } from '../../src/outbox/flush';
import { getOutboxRecord } from '../../src/outbox/outbox-store';
import { discardFollowUp, readFollowUpCopy } from '../../src/outbox/follow-up-store';
import { InvalidFollowUpError, submitFollowUp } from '../../src/outbox/follow-up-submit';
import { refreshStatuses } from '../../src/status/refresh';
import { countRows } from './intake-helpers';
import { makeOfficeServer, staffAgent, type OfficeServer, type StaffAgent } from './office-helpers';
import { submittedDraft } from './outbox-helpers';

const API = '/api/v1';
const DEVICE_NOW = new Date('2025-06-15T09:00:00.000Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

let s: OfficeServer;
let officer: StaffAgent;
let online = true;
const calls: string[] = [];
const net = (async (input: RequestInfo | URL, init?: RequestInit) => {
  if (!online) throw new TypeError('Failed to fetch');
  const url = String(input);
  calls.push(`${init?.method ?? 'GET'} ${url.replace(/[0-9a-f-]{36}/g, ':id')}`);
  return s.app.request(url, init);
}) as typeof fetch;
const flushNow = () => flush({ apiBase: API, fetch: net, now: () => Date.now(), random: () => 0.5, locks: null, force: true });
const check = () => refreshStatuses({ apiBase: API, fetchFn: net });

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  online = true;
  calls.length = 0;
  s = await makeOfficeServer();
  officer = await staffAgent(s, 'officer@example.gov', 'officer');
});
afterEach(async () => {
  await closeDb();
  await s.close();
});

/** A request delivered from this device; answers its id and the secret the delivery kept. */
async function delivered(): Promise<{ id: string; secret: string }> {
  const id = await submittedDraft();
  await submitDraft(id, { apiBase: API, fetch: net, deliver: false, now: () => DEVICE_NOW });
  expect(await flushNow()).toMatchObject({ delivered: 1 });
  const record = await getOutboxRecord(id);
  expect(record?.state).toBe('delivered');
  const { statusSecret: secret, wireId } = record as { statusSecret?: string; wireId?: string };
  expect(secret).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  // The office knows the request by its wire id (derived from the device's claim), not the draft's.
  expect(wireId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8/);
  return { id: wireId!, secret: secret! };
}

const review = async (id: string, body: unknown) => expect((await officer.call('POST', `requests/${id}/review`, body)).status).toBe(200);

async function answer(requestId: string, text: string, withPhoto: boolean): Promise<string> {
  const draft = await openFollowUp(requestId);
  await saveFollowUpText(draft.id, text);
  if (withPhoto) {
    const added = await addAttachment(draft.id, { name: 'receipt notice.png', type: 'image/png', blob: new Blob([PNG], { type: 'image/png' }) });
    expect(added.ok).toBe(true);
  }
  return draft.id;
}

describe('hearing back on the device', () => {
  it('reads what the office asks, answers offline with a photo, and the answer arrives once under its request', async () => {
    const { id, secret } = await delivered();
    expect(await check()).toEqual({ checked: 1, unreachable: false });
    expect((await getStatus(id))?.known?.state).toBe('received');

    await review(id, { state: 'in_review' });
    await review(id, { state: 'needs_information', infoReasons: ['missing_receipt_notice'], infoNote: 'Please send the I-797.' });
    await check();
    expect((await getStatus(id))?.known).toMatchObject({ state: 'needs_information', infoReasons: ['missing_receipt_notice'], infoNote: 'Please send the I-797.' });

    // An empty answer is refused and changes nothing.
    const empty = await openFollowUp(id);
    await expect(submitFollowUp({ followUpId: empty.id, statusSecret: secret, locale: 'es', apiBase: API, fetch: net, deliver: false })).rejects.toBeInstanceOf(InvalidFollowUpError);
    expect(await getOutboxRecord(empty.id)).toBeUndefined();

    // Offline: sealed with the key the device already has, and waiting.
    online = false;
    const followUpId = await answer(id, 'Aquí está el aviso de recibo.', true);
    expect(followUpId).toBe(empty.id);
    await submitFollowUp({ followUpId, statusSecret: secret, locale: 'es', apiBase: API, fetch: net, deliver: false });
    const waiting = await getOutboxRecord(followUpId);
    expect(waiting).toMatchObject({ state: 'waiting', needsSeal: false, followUp: { kind: 'follow-up', requestId: id } });
    expect(JSON.stringify(waiting)).not.toContain('Aquí está');
    expect(await flushNow()).toMatchObject({ waiting: 1 });

    online = true;
    calls.length = 0;
    expect(await flushNow()).toMatchObject({ delivered: 1, waiting: 0 });
    expect(calls).toEqual(['PUT /api/v1/requests/:id/follow-ups/:id/attachments/:id', 'PUT /api/v1/requests/:id/follow-ups/:id']);
    expect(await getOutboxRecord(followUpId)).toMatchObject({ state: 'delivered', answers: id });
    // The words and the photo leave the device once the office has them.
    expect(await readFollowUpCopy(followUpId)).toBeUndefined();
    expect(await (await getDb()).getAll('attachments')).toEqual([]);
    // Exactly once: flushing again sends nothing; the office has one answer with its photo, linked to the request.
    calls.length = 0;
    await flushNow();
    expect(calls).toEqual([]);
    expect(await countRows(s, 'follow_ups')).toBe(1);
    expect(await countRows(s, 'follow_up_files')).toBe(1);
    const [row] = await s.deps.db.query<{ request_id: string }>('SELECT request_id FROM follow_ups WHERE id = $1', [followUpId]);
    expect(row?.request_id).toBe(id);

    // The answer moved the request back to review; the office then accepts it with a case number.
    await check();
    expect((await getStatus(id))?.known?.state).toBe('in_review');
    await review(id, { state: 'accepted', caseNumber: 'OMB-2025-0042' });
    await check();
    expect((await getStatus(id))?.known).toMatchObject({ state: 'accepted', caseNumber: 'OMB-2025-0042' });
  });

  it('an answer to a request the office closed comes back with the words kept until the person deletes them', async () => {
    const { id, secret } = await delivered();
    await review(id, { state: 'in_review' });
    await review(id, { state: 'closed', closeReason: 'resolved' });
    const followUpId = await answer(id, 'One more thing I forgot.', false);
    await submitFollowUp({ followUpId, statusSecret: secret, locale: 'en', apiBase: API, fetch: net, deliver: false });
    expect(await flushNow()).toMatchObject({ needsAttention: 1 });
    expect(await getOutboxRecord(followUpId)).toMatchObject({ state: 'needs-attention', reasons: [{ code: 'request_closed' }] });
    expect((await readFollowUpCopy(followUpId))?.draft.text).toBe('One more thing I forgot.');
    expect(await countRows(s, 'follow_ups')).toBe(0);
    // Not retried on its own: sending again would not help.
    calls.length = 0;
    await flushNow();
    expect(calls).toEqual([]);
    expect(await discardFollowUp(followUpId)).toBe(true);
    expect(await getOutboxRecord(followUpId)).toBeUndefined();
    expect(await readFollowUpCopy(followUpId)).toBeUndefined();
  });
});
