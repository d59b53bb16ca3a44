import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { putRequest, request, serverKey, sha256Hex, uuid, type FileFixture, type TestServer } from './intake-helpers';
import { call, officeServer, staffAgent, type OfficeServer, type StaffAgent } from './office-helpers';
import { ENGINES, useEngines } from './intake-engines';
import { sealBytes, sealJson, type SealingKey } from '../../src/shared/seal';

/** Issue 15 on the server: the status secret, the status, follow-ups and feedback, on SQLite and on PostgreSQL. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const engines = useEngines();
const SECRET = 'X-Status-Secret';

function photo(): FileFixture {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(uuid())]);
  const id = uuid();
  return { id, bytes, ref: { id, name: 'notice.png', type: 'image/png' as 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } };
}

async function deliver(s: TestServer): Promise<{ id: string; secret: string; key: SealingKey; receivedAt: string }> {
  const key = await serverKey(s);
  const id = uuid();
  const res = await putRequest(s, id, request(id), key);
  expect(res.status).toBe(201);
  const { statusSecret, receivedAt } = (await res.json()) as { statusSecret: string; receivedAt: string };
  return { id, secret: statusSecret, key, receivedAt };
}

const status = (s: TestServer, id: string, secret?: string) =>
  s.app.request(`/api/v1/requests/${id}/status`, { headers: secret === undefined ? {} : { [SECRET]: secret } });

function followUp(requestId: string, files: FileFixture[] = [], overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    requestId,
    schemaVersion: 1,
    text: 'Here is the receipt notice you asked for. — Ana García',
    attachments: files.map((f) => f.ref),
    locale: 'es',
    submittedAt: '2025-06-15T11:00:00.000Z',
    ...overrides,
  };
}

async function putFollowUp(s: TestServer, body: { id: string; requestId: string } & Record<string, unknown>, key: SealingKey, secret: string) {
  const envelope = await sealJson(body, key, { requestId: body.id, purpose: 'follow-up' });
  return s.app.request(`/api/v1/requests/${body.requestId}/follow-ups/${body.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', [SECRET]: secret },
    body: JSON.stringify(envelope),
  });
}

async function putFollowUpFile(s: TestServer, requestId: string, followUpId: string, f: FileFixture, key: SealingKey, secret: string) {
  const sealed = await sealBytes(f.bytes, key, { requestId: followUpId, purpose: `follow-up-attachment:${f.id}` });
  return s.app.request(`/api/v1/requests/${requestId}/follow-ups/${followUpId}/attachments/${f.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Content-SHA256': sha256Hex(sealed), [SECRET]: secret },
    body: sealed as Uint8Array<ArrayBuffer>,
  });
}

async function putFeedback(s: TestServer, body: { id: string } & Record<string, unknown>, key: SealingKey) {
  const envelope = await sealJson(body, key, { requestId: body.id, purpose: 'feedback' });
  return s.app.request(`/api/v1/feedback/${body.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) });
}

describe.each(ENGINES)('hearing back on %s', (engine) => {
  async function team(): Promise<{ s: OfficeServer; officer: StaffAgent; supervisor: StaffAgent }> {
    const s = await officeServer(engines, engine);
    return { s, officer: await staffAgent(s, 'officer@example.gov', 'officer'), supervisor: await staffAgent(s, 'supervisor@example.gov', 'supervisor') };
  }

  it('answers the same status secret to every repeat of a delivery, and keeps only its hash', async () => {
    const { s } = await team();
    const key = await serverKey(s);
    const id = uuid();
    const body = request(id);
    const envelope = JSON.stringify(await sealJson(body, key, { requestId: id, purpose: 'request' }));
    const put = (text: string) => s.app.request(`/api/v1/requests/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: text });
    const first = await put(envelope);
    expect(first.status).toBe(201);
    const { statusSecret } = (await first.json()) as { statusSecret: string };
    expect(statusSecret).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(statusSecret, 'base64url').length).toBeGreaterThanOrEqual(16);
    // The very bytes again, and the same body sealed anew: the same secret both times.
    const again = await put(envelope);
    expect([again.status, ((await again.json()) as { statusSecret: string }).statusSecret]).toEqual([200, statusSecret]);
    const resealed = await putRequest(s, id, body, key);
    expect([resealed.status, ((await resealed.json()) as { statusSecret: string }).statusSecret]).toEqual([200, statusSecret]);
    const [row] = await s.deps.db.query<{ status_sha256: string }>('SELECT status_sha256 FROM requests WHERE id = $1', [id]);
    expect(row!.status_sha256).toBe(sha256Hex(statusSecret));
    // The key that derives it is kept like the other keys: owner-only.
    expect(statSync(join(s.dir, 'data', 'keys', 'status-key')).mode & 0o777).toBe(0o600);
    // Another request gets another secret.
    expect((await deliver(s)).secret).not.toBe(statusSecret);
  });

  it('answers 404, the same body, for a wrong or missing secret and an unknown id; the right secret reads the status, no-store', async () => {
    const { s } = await team();
    const { id, secret, receivedAt } = await deliver(s);
    const other = await deliver(s);
    const refusals = [await status(s, id), await status(s, id, ''), await status(s, id, 'x'.repeat(43)), await status(s, id, other.secret), await status(s, uuid(), secret), await status(s, 'not-an-id', secret)];
    for (const res of refusals) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    }
    const ok = await status(s, id, secret);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Cache-Control')).toBe('no-store');
    expect(await ok.json()).toEqual({ state: 'received', changedAt: receivedAt });
  });

  it('shows each review change the office makes, with only what the person may see', async () => {
    const { s, officer } = await team();
    const { id, secret } = await deliver(s);
    const read = async () => (await status(s, id, secret)).json();
    const review = async (body: unknown) => expect((await officer.call('POST', `requests/${id}/review`, body)).status).toBe(200);
    await officer.call('POST', `requests/${id}/notes`, { text: 'Internal: called her employer.' });
    await review({ state: 'in_review' });
    const reviewedAt = s.clock.now.toISOString();
    s.advance(60_000);
    await officer.call('POST', `requests/${id}/assign`, { staffId: officer.id });
    // Assigning is no news to the person: the date stays.
    expect(await read()).toEqual({ state: 'in_review', changedAt: reviewedAt });
    await review({ state: 'needs_information', infoReasons: ['missing_receipt_notice', 'missing_signature'], infoNote: 'Please send the I-797.' });
    expect(await read()).toEqual({
      state: 'needs_information',
      changedAt: s.clock.now.toISOString(),
      infoReasons: ['missing_receipt_notice', 'missing_signature'],
      infoNote: 'Please send the I-797.',
    });
    await review({ state: 'referred', referral: 'detention_ombudsman', referredTo: 'OIDO, desk of J. Smith' });
    expect(await read()).toEqual({ state: 'referred', changedAt: s.clock.now.toISOString(), referral: 'detention_ombudsman' });
    await review({ state: 'in_review' });
    await review({ state: 'accepted', caseNumber: 'CIS-2025-0042' });
    expect(await read()).toMatchObject({ state: 'accepted', caseNumber: 'CIS-2025-0042' });
    await review({ state: 'in_review' });
    await review({ state: 'closed', closeReason: 'withdrawn' });
    const closed = await read();
    expect(closed).toEqual({ state: 'closed', changedAt: s.clock.now.toISOString(), closeReason: 'withdrawn' });
    expect(JSON.stringify(closed)).not.toMatch(/Internal|officer@|Smith/);
    // A referral needs its code.
    await review({ state: 'in_review' });
    expect((await officer.call('POST', `requests/${id}/review`, { state: 'referred', referredTo: 'somewhere' })).status).toBe(422);
  });

  it('takes a follow-up with a photo exactly once, moves "needs information" back to review as the system, and shows it to staff with its file', async () => {
    const { s, officer, supervisor } = await team();
    const { id, secret, key } = await deliver(s);
    await officer.call('POST', `requests/${id}/review`, { state: 'in_review' });
    await officer.call('POST', `requests/${id}/review`, { state: 'needs_information', infoReasons: ['missing_receipt_notice'] });
    const png = photo();
    const body = followUp(id, [png]);
    // Without the secret nothing is taken, not even a file.
    expect((await putFollowUpFile(s, id, body.id, png, key, 'wrong')).status).toBe(404);
    expect((await putFollowUp(s, body, key, 'wrong')).status).toBe(404);
    const early = await putFollowUp(s, body, key, secret);
    expect([early.status, await early.json()]).toEqual([409, { error: 'missing_attachments', missing: [png.id] }]);
    expect((await putFollowUpFile(s, id, body.id, png, key, secret)).status).toBe(200);
    s.advance(5000);
    const first = await putFollowUp(s, body, key, secret);
    expect(first.status).toBe(201);
    const receipt = await first.json();
    expect(receipt).toEqual({ id: body.id, requestId: id, receivedAt: s.clock.now.toISOString() });
    // The same follow-up again (sealed anew): the same answer. Another body under its id: 409.
    const again = await putFollowUp(s, body, key, secret);
    expect([again.status, await again.json()]).toEqual([200, receipt]);
    expect((await putFollowUp(s, { ...body, text: 'Something else' }, key, secret)).status).toBe(409);
    expect((await putFollowUpFile(s, id, body.id, png, key, secret)).status).toBe(200);
    const [count] = await s.deps.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM follow_ups');
    expect(Number(count!.n)).toBe(1);

    expect(await (await status(s, id, secret)).json()).toEqual({ state: 'in_review', changedAt: s.clock.now.toISOString() });
    const detail = (await (await officer.call('GET', `requests/${id}`)).json()) as {
      history: { by: unknown; from: string; to: string }[];
      followUps: { id: string; text: string; locale: string; attachments: { id: string; href: string; name: string }[] }[];
    };
    expect(detail.history.at(-1)).toEqual({ at: s.clock.now.toISOString(), by: null, from: 'needs_information', to: 'in_review' });
    expect(detail.followUps).toMatchObject([{ id: body.id, text: body.text, locale: 'es', attachments: [{ id: png.id, name: 'notice.png' }] }]);
    const file = await s.app.request(`http://localhost${detail.followUps[0]!.attachments[0]!.href}`, { headers: { Cookie: `office_session=${officer.cookie}` } });
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png.bytes);
    expect((await s.app.request(`http://localhost${detail.followUps[0]!.attachments[0]!.href}`)).status).toBe(401);
    const audit = (await (await supervisor.call('GET', 'audit?action=follow_up')).json()) as { entries: unknown[] };
    expect(audit.entries).toMatchObject([{ action: 'follow_up', actor: null, target: id, detail: 'needs_information->in_review' }]);
    // Sealed at rest: the database holds none of the text.
    const raw = await s.deps.db.query<{ sealed: Uint8Array }>('SELECT sealed FROM follow_ups UNION ALL SELECT sealed FROM follow_up_files');
    expect(Buffer.concat(raw.map((r) => Buffer.from(r.sealed))).toString('latin1')).not.toMatch(/receipt notice|Garc/);
    // A follow-up to a request that no longer needs information is still taken, and moves nothing.
    const second = await putFollowUp(s, followUp(id), key, secret);
    expect(second.status).toBe(201);
    expect(((await (await officer.call('GET', `requests/${id}`)).json()) as { history: unknown[] }).history).toHaveLength(3);
  });

  it('refuses a follow-up for a closed request with 409 request_closed, and one that names another request', async () => {
    const { s, officer } = await team();
    const { id, secret, key } = await deliver(s);
    await officer.call('POST', `requests/${id}/review`, { state: 'in_review' });
    await officer.call('POST', `requests/${id}/review`, { state: 'closed', closeReason: 'resolved' });
    const res = await putFollowUp(s, followUp(id), key, secret);
    expect([res.status, await res.json()]).toEqual([409, { error: 'request_closed' }]);
    const other = await deliver(s);
    const moved = followUp(other.id);
    const envelope = await sealJson(moved, key, { requestId: moved.id, purpose: 'follow-up' });
    const cross = await s.app.request(`/api/v1/requests/${id}/follow-ups/${moved.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', [SECRET]: secret },
      body: JSON.stringify(envelope),
    });
    expect(cross.status).toBe(422);
    expect((await putFollowUp(s, followUp(other.id, [], { text: '' }), key, other.secret)).status).toBe(422);
  });

  it('stores feedback sealed with its countable answers in clear, once by id, and shows it counted to supervisors, audited', async () => {
    const { s, officer, supervisor } = await team();
    const key = await serverKey(s);
    const event = uuid();
    const base = { schemaVersion: 1, locale: 'es', submittedAt: '2025-06-15T11:00:00.000Z' };
    const one = { ...base, id: uuid(), eventId: event, satisfaction: 5, answers: { understood: 'yes', heard_from: 'faith_group' }, comments: 'Muy útil, gracias — Rosa', contact: { email: 'rosa@example.com' } };
    const two = { ...base, id: uuid(), eventId: event, satisfaction: 3, answers: { understood: 'partly' } };
    const three = { ...base, id: uuid(), questions: '¿Cuánto tarda?' };
    for (const f of [one, two, three]) expect((await putFeedback(s, f, key)).status).toBe(201);
    expect((await putFeedback(s, one, key)).status).toBe(200);
    expect((await putFeedback(s, { ...one, satisfaction: 1 }, key)).status).toBe(409);
    expect((await putFeedback(s, { ...base, id: uuid() }, key)).status).toBe(422);
    expect((await putFeedback(s, { ...base, id: uuid(), satisfaction: 6 }, key)).status).toBe(422);
    const raw = await s.deps.db.query<Record<string, unknown>>('SELECT * FROM feedback');
    const dump = raw.map((r) => Object.values(r).map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v))).join('|')).join('\n');
    expect(dump).not.toMatch(/Rosa|rosa@|útil|Cuánto/);
    expect(raw.find((r) => r.id === one.id)).toMatchObject({ satisfaction: 5, event_id: event, locale: 'es', day: '2025-06-15' });

    expect((await officer.call('GET', 'feedback')).status).toBe(403);
    expect((await call(s, 'GET', 'feedback')).status).toBe(401);
    const view = (await (await supervisor.call('GET', 'feedback')).json()) as { groups: Record<string, unknown>[]; texts: Record<string, unknown>[] };
    const atEvent = view.groups.find((g) => g.eventId === event)!;
    expect(atEvent).toMatchObject({ day: '2025-06-15', count: 2, satisfaction: { 3: 1, 5: 1 }, withText: 1, withContact: 1 });
    expect(atEvent.answers).toMatchObject({ understood: { yes: 1, partly: 1, no: 0 }, heard_from: { faith_group: 1 } });
    expect(view.groups.find((g) => g.eventId === null)).toMatchObject({ count: 1, withText: 1 });
    expect(view.texts.map((t) => t.id).sort()).toEqual([one.id, three.id].sort());
    expect(view.texts.find((t) => t.id === one.id)).toMatchObject({ comments: one.comments, contact: { email: 'rosa@example.com' } });
    const filtered = (await (await supervisor.call('GET', `feedback?event=${event}`)).json()) as { groups: unknown[]; texts: unknown[] };
    expect([filtered.groups.length, filtered.texts.length]).toEqual([1, 1]);
    expect((await supervisor.call('GET', 'feedback?from=yesterday')).status).toBe(400);
    const audit = (await (await supervisor.call('GET', 'audit?action=view_feedback')).json()) as { entries: unknown[] };
    expect(audit.entries).toMatchObject([{ actor: { id: supervisor.id }, detail: 'texts=1' }, { actor: { id: supervisor.id }, detail: 'texts=2' }]);
    expect(JSON.stringify(audit)).not.toMatch(/Rosa/);
  });
});
