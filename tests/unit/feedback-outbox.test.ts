/**
 * Listening-session feedback on the device, against the real server in
 * process: written offline at an event, sealed at once, a 503 waited out
 * as the server asked, delivered exactly once with its event, counted in
 * the console; contact details only when the person asked for an answer;
 * an empty form refused; "Next person" leaves no trace of it once delivered.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/storage/db';
import { KV_FEEDBACK_COPY, KV_FEEDBACK_OPEN, openFeedbackDraft, saveFeedbackDraft, type FeedbackDraft } from '../../src/storage/feedback-drafts';
import { flush } from '../../src/outbox/flush';
import { getOutboxRecord } from '../../src/outbox/outbox-store';
import { readFeedbackCopy, wipeSessionFeedback } from '../../src/outbox/feedback-store';
import { InvalidFeedbackError, feedbackBody, submitFeedback } from '../../src/outbox/feedback-submit';
import { countRows } from './intake-helpers';
import { makeOfficeServer, staffAgent, type OfficeServer } from './office-helpers';

const API = '/api/v1';
const EVENT = '6f1c7a52-3b8e-4f0e-9a7d-2c4b5e6f7a80';

let s: OfficeServer;
let online = true;
let answer503 = 0;
const calls: string[] = [];
const net = (async (input: RequestInfo | URL, init?: RequestInit) => {
  if (!online) throw new TypeError('Failed to fetch');
  const url = String(input);
  const method = init?.method ?? 'GET';
  calls.push(`${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')}`);
  if (method === 'PUT' && answer503 > 0) {
    answer503--;
    return new Response(JSON.stringify({ error: 'unavailable' }), { status: 503, headers: { 'Retry-After': '120', 'Content-Type': 'application/json' } });
  }
  return s.app.request(url, init);
}) as typeof fetch;
const flushAt = (now: number, force = false) => flush({ apiBase: API, fetch: net, now: () => now, random: () => 0.5, locks: null, force });

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  online = true;
  answer503 = 0;
  calls.length = 0;
  s = await makeOfficeServer();
});
afterEach(async () => {
  await closeDb();
  await s.close();
});

async function written(change: Partial<FeedbackDraft>, sessionId: string | null = null): Promise<FeedbackDraft> {
  const draft = { ...(await openFeedbackDraft(sessionId)), ...change };
  expect(await saveFeedbackDraft(draft)).toBe(true);
  return draft;
}

const kv = async (key: string) => (await getDb()).get('kv', key);

describe('feedback through the outbox', () => {
  it('written offline at an event: sealed on the device, 503 waited out, delivered once with the event, then wiped by "Next person"', async () => {
    // The device met the server once (it knows the key), then the hall has no signal.
    await submitFeedback({ draft: await written({ comments: 'warm-up' }), locale: 'en', apiBase: API, fetch: net, deliver: false });
    await flushAt(Date.now(), true);
    online = false;

    const session = 'session-1';
    const draft = await written(
      { satisfaction: 4, answers: { understood: 'yes', heard_from: 'faith_group' }, comments: 'Muy útil — Rosa', contact: { name: 'Rosa', email: 'rosa@example.com', phone: '' } },
      session,
    );
    // Kept as typed: opening the form again for the same person gives the same words.
    expect((await openFeedbackDraft(session)).comments).toBe('Muy útil — Rosa');
    const t0 = Date.now();
    await submitFeedback({ draft, locale: 'es', eventId: EVENT, apiBase: API, fetch: net, deliver: false, now: () => new Date(t0) });
    const waiting = await getOutboxRecord(draft.id);
    expect(waiting).toMatchObject({ state: 'waiting', feedback: true, needsSeal: false, attachments: [] });
    expect(JSON.stringify(waiting)).not.toMatch(/Rosa|útil/);
    // The form is closed; no plaintext copy stays once sealed.
    expect(await kv(KV_FEEDBACK_OPEN)).toBeUndefined();
    expect(await readFeedbackCopy(draft.id)).toBeUndefined();
    expect(await flushAt(t0)).toMatchObject({ delivered: 0, waiting: 1 });

    // Back online, the server is busy: it says when to come back, and the device waits that long.
    online = true;
    answer503 = 1;
    calls.length = 0;
    await flushAt(t0 + 1000);
    expect(calls).toEqual(['PUT /api/v1/feedback/:id']);
    const held = await getOutboxRecord(draft.id);
    expect(held).toMatchObject({ state: 'waiting', lastError: 'unavailable' });
    expect(held?.state === 'waiting' && held.nextTryAt).toBeGreaterThanOrEqual(t0 + 1000 + 120_000);
    calls.length = 0;
    await flushAt(t0 + 60_000);
    expect(calls).toEqual([]);

    expect(await flushAt(t0 + 200_000)).toMatchObject({ delivered: 1, waiting: 0 });
    expect(await getOutboxRecord(draft.id)).toEqual({ id: draft.id, state: 'delivered', confirmation: '', deliveredAt: expect.any(String), formTypes: [], feedback: true });
    calls.length = 0;
    await flushAt(t0 + 400_000, true);
    expect(calls).toEqual([]);
    expect(await countRows(s, 'feedback')).toBe(2);
    const [row] = await s.deps.db.query<Record<string, unknown>>('SELECT * FROM feedback WHERE id = $1', [draft.id]);
    expect(row).toMatchObject({ event_id: EVENT, satisfaction: 4, locale: 'es' });

    const supervisor = await staffAgent(s, 'supervisor@example.gov', 'supervisor');
    const view = (await (await supervisor.call('GET', `feedback?event=${EVENT}`)).json()) as { groups: Record<string, unknown>[]; texts: Record<string, unknown>[] };
    expect(view.groups).toMatchObject([{ eventId: EVENT, count: 1, satisfaction: { 4: 1 }, withText: 1, withContact: 0 }]);
    // Rosa did not ask for an answer: her name and address stayed on the device and are gone with the form.
    expect(JSON.stringify(view)).not.toMatch(/rosa@/);

    await wipeSessionFeedback();
    expect(await getOutboxRecord(draft.id)).toBeUndefined();
  });

  it('with no server key known yet, keeps the plaintext only until the outbox can seal it', async () => {
    online = false;
    const draft = await written({ questions: '¿Cuánto tarda?' });
    await submitFeedback({ draft, locale: 'es', apiBase: API, fetch: net, deliver: false });
    expect(await getOutboxRecord(draft.id)).toMatchObject({ state: 'waiting', needsSeal: true });
    expect((await readFeedbackCopy(draft.id))?.questions).toBe('¿Cuánto tarda?');
    // "Next person" keeps what has not been sealed: it is still on its way.
    await wipeSessionFeedback();
    expect(await readFeedbackCopy(draft.id)).toBeDefined();

    online = true;
    expect(await flushAt(Date.now(), true)).toMatchObject({ delivered: 1 });
    expect(await readFeedbackCopy(draft.id)).toBeUndefined();
    expect(await kv(KV_FEEDBACK_COPY + draft.id)).toBeUndefined();
    expect(await countRows(s, 'feedback')).toBe(1);
  });

  it('refuses an empty form and a request for an answer with nowhere to send it, and sends contact details only when asked', async () => {
    const empty = await written({});
    const refused = await submitFeedback({ draft: empty, locale: 'en', apiBase: API, fetch: net, deliver: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidFeedbackError);
    expect((refused as InvalidFeedbackError).empty).toBe(true);
    expect(await getOutboxRecord(empty.id)).toBeUndefined();
    // Nothing typed was lost: the form is still open.
    expect((await openFeedbackDraft(null)).id).toBe(empty.id);

    const nowhere = await written({ comments: 'Please call me', wantsAnswer: true, contact: { name: 'Ana', email: '', phone: '' } });
    const issues = ((await submitFeedback({ draft: nowhere, locale: 'en', apiBase: API, fetch: net, deliver: false }).catch((e: unknown) => e)) as InvalidFeedbackError).issues;
    expect(issues).toEqual([{ code: 'required', path: 'contact.email' }]);

    const stamp = { locale: 'en', submittedAt: '2025-06-15T10:00:00.000Z' };
    const contact = { name: 'Ana', email: 'ana@example.com', phone: '' };
    expect(feedbackBody({ ...nowhere, contact, wantsAnswer: false }, stamp)).not.toHaveProperty('contact');
    expect(feedbackBody({ ...nowhere, contact, wantsAnswer: true }, stamp).contact).toEqual({ name: 'Ana', email: 'ana@example.com' });
  });
});
