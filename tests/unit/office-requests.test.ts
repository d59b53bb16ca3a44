import { describe, expect, it, vi } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { putFile, putRequest, request, sealedFile, serverKey, sha256Hex, uuid, type FileFixture } from './intake-helpers';
import { call, officeServer, staffAgent, type OfficeServer, type StaffAgent } from './office-helpers';
import { ENGINES, useEngines } from './intake-engines';
import { upsertEventStats } from '../../src/server/events';

/** The office console's request routes, authorization on every route, export and the audit log, on SQLite and on PostgreSQL. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const engines = useEngines();

const XSS = '<img src=x onerror=alert(1)>';
const RECEIPT = 'IOE0912345678';

function photo(): FileFixture {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(uuid())]);
  const id = uuid();
  return { id, bytes, ref: { id, name: 'passport <b>.png', type: 'image/png' as 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) } };
}

/** Delivers a request through the intake API, as a device would. */
async function deliver(s: OfficeServer, overrides: { person?: object; case?: object } = {}, files: FileFixture[] = []) {
  const key = await serverKey(s);
  const id = uuid();
  for (const f of files) expect((await putFile(s, id, f.id, await sealedFile(id, f, key))).status).toBeLessThan(300);
  const base = request(id, files);
  const body = {
    ...base,
    person: { ...(base.person as object), ...overrides.person },
    case: { ...(base.case as object), ...overrides.case },
  };
  const res = await putRequest(s, id, body, key);
  expect(res.status).toBeLessThan(300);
  return id;
}

interface Team {
  s: OfficeServer;
  officer: StaffAgent;
  supervisor: StaffAgent;
  admin: StaffAgent;
}

describe.each(ENGINES)('office requests on %s', (engine) => {
  async function team(): Promise<Team> {
    const s = await officeServer(engines, engine);
    return {
      s,
      officer: await staffAgent(s, 'officer@example.gov', 'officer'),
      supervisor: await staffAgent(s, 'supervisor@example.gov', 'supervisor'),
      admin: await staffAgent(s, 'admin@example.gov', 'admin'),
    };
  }

  it('guards every route: no session 401, wrong role 403 forbidden, a change without the right CSRF token 403 csrf', async () => {
    const { s, officer, supervisor, admin } = await team();
    const id = await deliver(s);
    const routes: [method: string, path: string, role: 'officer' | 'supervisor' | 'admin', body?: unknown][] = [
      ['GET', 'session', 'officer'],
      ['DELETE', 'session', 'officer'],
      ['GET', 'requests', 'officer'],
      ['GET', `requests/${id}`, 'officer'],
      ['GET', `requests/${id}/attachments/${uuid()}`, 'officer'],
      ['POST', `requests/${id}/review`, 'officer', { state: 'in_review' }],
      ['POST', `requests/${id}/notes`, 'officer', { text: 'a note' }],
      ['POST', `requests/${id}/assign`, 'officer', { staffId: null }],
      ['GET', 'staff/directory', 'supervisor'],
      ['GET', 'audit', 'supervisor'],
      ['GET', 'export?format=csv', 'supervisor'],
      ['GET', 'events', 'supervisor'],
      ['GET', 'feedback', 'supervisor'],
      ['GET', `requests/${id}/follow-ups/${uuid()}/attachments/${uuid()}`, 'officer'],
      ['GET', 'staff', 'admin'],
      ['POST', 'staff', 'admin', { email: 'x@example.gov', role: 'officer' }],
      ['PATCH', `staff/${officer.id}`, 'admin', { role: 'officer' }],
    ];
    const below = { officer: null, supervisor: officer, admin: supervisor } as const;
    for (const [method, path, role, body] of routes) {
      const anonymous = await call(s, method, path, { body });
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      expect(await anonymous.json()).toEqual({ error: 'unauthenticated' });
      const lower = below[role];
      if (lower) {
        const res = await lower.call(method, path, body);
        expect([method, path, res.status, await res.json()]).toEqual([method, path, 403, { error: 'forbidden' }]);
      }
      if (method !== 'GET') {
        for (const csrf of [null, 'not-the-token']) {
          const res = await call(s, method, path, { body, cookie: admin.cookie, csrf });
          expect([method, path, res.status, await res.json()]).toEqual([method, path, 403, { error: 'csrf' }]);
        }
        // A change from another site's page is refused even with the token.
        const cross = await call(s, method, path, { body, cookie: admin.cookie, csrf: admin.csrf, headers: { Origin: 'https://evil.example' } });
        expect(cross.status).toBe(403);
      }
    }
    // The read-only bearer API is untouched by the console.
    expect((await s.app.request(`/api/v1/requests/${id}`, { method: 'GET', headers: { Authorization: 'Bearer staff-token-0123456789abcdef' } })).status).toBe(200);
  });

  it('lists newest first with names and counts, finds by receipt, A-number, e-mail, full name and confirmation through the blind indexes', async () => {
    const { s, officer } = await team();
    const ana = await deliver(s, { person: { aNumber: 'A098-765-432' }, case: { receiptNumbers: [RECEIPT] } });
    s.advance(60_000);
    const other = await deliver(s, { person: { familyName: 'Nguyen', givenName: 'Bao', email: 'bao@example.com' } });
    const page = (await (await officer.call('GET', 'requests')).json()) as {
      requests: { id: string; name: string; state: string; confirmation: string }[];
      counts: Record<string, number>;
      nextCursor: string | null;
    };
    expect(page.requests.map((r) => r.id)).toEqual([other, ana]);
    expect(page.requests.map((r) => r.name)).toEqual(['Bao Nguyen', 'Ana García López']);
    expect(page.counts).toEqual({ received: 2, in_review: 0, needs_information: 0, accepted: 0, referred: 0, closed: 0 });
    // The searched text travels in a header, never in the URL.
    const find = async (q: string) =>
      (
        (await (
          await call(s, 'GET', 'requests', { cookie: officer.cookie, headers: { 'X-Office-Search': encodeURIComponent(q) } })
        ).json()) as { requests: { id: string }[] }
      ).requests.map((r) => r.id);
    expect((await officer.call('GET', `requests?q=${encodeURIComponent('ioe-09-123-456-78')}`)).status).toBe(200);
    expect(
      ((await (await officer.call('GET', `requests?q=${encodeURIComponent('ioe-09-123-456-78')}`)).json()) as { requests: unknown[] }).requests,
    ).toHaveLength(2);
    expect(await find('ioe-09-123-456-78')).toEqual([ana]);
    expect(await find('98765432')).toEqual([ana]);
    expect(await find('BAO@example.com')).toEqual([other]);
    expect(await find('garcia lopez, ana')).toEqual([ana]);
    expect(await find('Ana García-López')).toEqual([ana]);
    expect(await find('Ana')).toEqual([]);
    expect(await find(page.requests[0]!.confirmation.toLowerCase())).toEqual([other]);
    // Paging: one at a time, the cursor carries on.
    const first = (await (await officer.call('GET', 'requests?limit=1')).json()) as { requests: { id: string }[]; nextCursor: string };
    const second = (await (await officer.call('GET', `requests?limit=1&cursor=${first.nextCursor}`)).json()) as { requests: { id: string }[]; nextCursor: null };
    expect([first.requests[0]!.id, second.requests[0]!.id, second.nextCursor]).toEqual([other, ana, null]);
    expect((await officer.call('GET', 'requests?state=nope')).status).toBe(400);
  });

  it('reviews through the states with what each needs, keeps notes sealed at rest, assigns, and records history', async () => {
    const { s, officer, supervisor } = await team();
    const id = await deliver(s);
    const review = (body: unknown) => officer.call('POST', `requests/${id}/review`, body);
    expect((await review({ state: 'accepted', caseNumber: 'X' })).status).toBe(409);
    expect((await review({ state: 'in_review' })).status).toBe(200);
    const missing = await review({ state: 'needs_information' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: 'invalid', issues: [{ path: 'infoReasons' }] });
    expect((await review({ state: 'needs_information', infoReasons: ['unclear_document'], infoNote: 'x'.repeat(501) })).status).toBe(422);
    s.advance(1000);
    const res = await review({ state: 'needs_information', infoReasons: ['missing_receipt_notice', 'other'], infoNote: 'Please send the I-797 notice.' });
    const detail = (await res.json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      state: 'needs_information',
      infoReasons: ['missing_receipt_notice', 'other'],
      infoNote: 'Please send the I-797 notice.',
      caseNumber: null,
      history: [
        { from: 'received', to: 'in_review', by: { id: officer.id, email: officer.email } },
        { from: 'in_review', to: 'needs_information', by: { id: officer.id, email: officer.email } },
      ],
    });
    const note = await officer.call('POST', `requests/${id}/notes`, { text: 'Called Ana García; she will mail it.' });
    expect(note.status).toBe(201);
    expect((await officer.call('POST', `requests/${id}/notes`, { text: 'x'.repeat(2001) })).status).toBe(422);
    // Notes and the note to the person are sealed: the database holds no word of them.
    const raw = await s.deps.db.query<{ sealed: Uint8Array }>('SELECT sealed FROM office_notes');
    const reviews = await s.deps.db.query<{ sealed_text: Uint8Array }>('SELECT sealed_text FROM office_reviews');
    const bytes = Buffer.concat([...raw.map((r) => Buffer.from(r.sealed)), ...reviews.map((r) => Buffer.from(r.sealed_text))]).toString('latin1');
    expect(bytes).not.toMatch(/Garc|I-797/);
    expect((await officer.call('POST', `requests/${id}/assign`, { staffId: supervisor.id })).status).toBe(403);
    const assigned = await supervisor.call('POST', `requests/${id}/assign`, { staffId: officer.id });
    expect(await assigned.json()).toMatchObject({ assignee: { id: officer.id, email: officer.email }, state: 'needs_information' });
    const mine = (await (await officer.call('GET', 'requests?assigned=me&state=needs_information')).json()) as { requests: { id: string }[]; counts: Record<string, number> };
    expect(mine.requests.map((r) => r.id)).toEqual([id]);
    expect(mine.counts.needs_information).toBe(1);
    const accepted = await review({ state: 'accepted', caseNumber: 'CIS-2025-0042' });
    expect(await accepted.json()).toMatchObject({ state: 'accepted', caseNumber: 'CIS-2025-0042', infoReasons: null, notes: [{ text: 'Called Ana García; she will mail it.' }] });
    expect((await review({ state: 'closed', closeReason: 'resolved' })).status).toBe(409);
  });

  it('returns HTML typed into a request as JSON text, and serves a photo inline named by its id, audited', async () => {
    const { s, officer, supervisor } = await team();
    const png = photo();
    const id = await deliver(s, { person: { familyName: XSS }, case: { whatHappened: XSS } }, [png]);
    const res = await officer.call('GET', `requests/${id}`);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const detail = (await res.json()) as { request: { person: { familyName: string } }; attachments: { id: string; href: string; name: string }[] };
    expect(detail.request.person.familyName).toBe(XSS);
    expect(detail.attachments).toEqual([{ id: png.id, name: 'passport <b>.png', type: 'image/png', size: png.bytes.length, href: `/api/v1/office/requests/${id}/attachments/${png.id}` }]);
    const bytes = await s.app.request(`http://localhost${detail.attachments[0]!.href}`, { headers: { Cookie: `office_session=${officer.cookie}` } });
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(png.bytes);
    expect(bytes.headers.get('Content-Disposition')).toBe(`inline; filename="${png.id}.png"`);
    expect(bytes.headers.get('Content-Type')).toBe('image/png');
    const audit = (await (await supervisor.call('GET', 'audit')).json()) as { entries: { action: string; actor: { id: string } | null; target: string | null }[] };
    expect(audit.entries.slice(0, 2)).toMatchObject([
      { action: 'view_attachment', actor: { id: officer.id }, target: `${id}/${png.id}` },
      { action: 'view_request', actor: { id: officer.id }, target: id },
    ]);
    expect(JSON.stringify(audit)).not.toContain('García');
  });

  it('exports the filtered set as CSV (formula-safe, BOM), JSON Lines and ZIP with the files, each audited', async () => {
    const { s, supervisor } = await team();
    const png = photo();
    const evil = await deliver(s, { person: { familyName: '=HYPERLINK("http://evil.example","x")', givenName: '@SUM(A1)' } }, [png]);
    const plain = await deliver(s, { case: { formTypes: ['I-130'] } });
    const csvRes = await supervisor.call('GET', 'export?format=csv');
    expect(csvRes.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('Content-Disposition')).toMatch(/^attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csvBytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(csvBytes);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('"request.person.familyName"');
    expect(lines[0]).toContain('"request.case.formTypes"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`"'@SUM(A1)"`);
    expect(csv).not.toMatch(/(^|,)"[=@+-]/m);

    const filtered = await (await supervisor.call('GET', 'export?format=jsonl&form=I-130')).text();
    const records = filtered.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; state: string; request: { case: { formTypes: string[] } } });
    expect(records.map((r) => [r.id, r.state, r.request.case.formTypes])).toEqual([[plain, 'received', ['I-130']]]);

    const zipRes = await supervisor.call('GET', 'export?format=zip');
    const entries = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    const confirmation = (JSON.parse(strFromU8(entries['requests.jsonl']!).split('\n').find((l) => l.includes(evil))!) as { confirmation: string }).confirmation;
    expect(Object.keys(entries).sort()).toEqual([`attachments/${confirmation}/${png.id}.png`, 'requests.csv', 'requests.jsonl']);
    expect(entries[`attachments/${confirmation}/${png.id}.png`]).toEqual(png.bytes);
    expect(strFromU8(entries['requests.csv']!)).toBe(csv);

    const audit = (await (await supervisor.call('GET', 'audit?action=export')).json()) as { entries: { detail: string }[] };
    expect(audit.entries.map((e) => e.detail)).toEqual(['format=zip', 'format=jsonl', 'format=csv']);
  });

  it('answers beside each audit entry the request it is about with its confirmation number, the staff account, and whom an assignment went to; supervisors only', async () => {
    const { s, officer, supervisor, admin } = await team();
    const png = photo();
    const id = await deliver(s, { person: { aNumber: 'A098-765-432' } }, [png]);
    const anonymous = await call(s, 'GET', 'audit');
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { error: 'unauthenticated' }]);
    const refused = await officer.call('GET', 'audit');
    expect([refused.status, await refused.json()]).toEqual([403, { error: 'forbidden' }]);
    const { confirmation } = (await (await officer.call('GET', `requests/${id}`)).json()) as { confirmation: string };
    expect(confirmation).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    expect((await officer.call('GET', `requests/${id}/attachments/${png.id}`)).status).toBe(200);
    expect((await officer.call('POST', `requests/${id}/review`, { state: 'in_review' })).status).toBe(200);
    expect((await supervisor.call('POST', `requests/${id}/assign`, { staffId: officer.id })).status).toBe(200);
    expect((await supervisor.call('POST', `requests/${id}/assign`, { staffId: null })).status).toBe(200);
    expect((await admin.call('PATCH', `staff/${officer.id}`, { role: 'supervisor' })).status).toBe(200);
    // An entry naming a request that is not in the store keeps its id alone.
    const gone = uuid();
    await s.deps.db.exec(`INSERT INTO office_audit (at, actor_id, action, target, detail, ip) VALUES ($1, $2, 'view_request', $3, NULL, '')`, [
      s.clock.now.toISOString(),
      officer.id,
      gone,
    ]);

    const res = await supervisor.call('GET', 'audit');
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: { action: string; target: string | null; detail: string | null; request: unknown; account: unknown; assignedTo: unknown }[] };
    const about = { id, confirmation };
    expect(entries.slice(0, 7)).toMatchObject([
      { action: 'view_request', target: gone, request: null, account: null, assignedTo: null },
      { action: 'staff_update', target: officer.id, detail: 'role=supervisor', request: null, account: { id: officer.id, email: officer.email } },
      { action: 'assign', target: id, detail: 'none', request: about, assignedTo: null },
      { action: 'assign', target: id, detail: `to=${officer.id}`, request: about, account: null, assignedTo: { id: officer.id, email: officer.email } },
      { action: 'review', target: id, detail: 'received->in_review', request: about },
      { action: 'view_attachment', target: `${id}/${png.id}`, request: about },
      { action: 'view_request', target: id, request: about, account: null },
    ]);
    // Stored as written: the lookups are beside the entry, never in it.
    const [stored] = await s.deps.db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM office_audit WHERE target = $1 AND detail = 'received->in_review'`, [id]);
    expect(Number(stored!.n)).toBe(1);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('García');
    expect(text).not.toContain('098765432');
    expect(text).not.toContain('098-765-432');
  });

  it('keeps the audit log append-only: the database refuses UPDATE and DELETE', async () => {
    const { s, supervisor } = await team();
    const before = (await (await supervisor.call('GET', 'audit')).json()) as { entries: unknown[] };
    expect(before.entries.length).toBeGreaterThan(0);
    await expect(s.deps.db.exec(`UPDATE office_audit SET action = 'signin' WHERE action = 'signin'`)).rejects.toThrow(/append-only/);
    await expect(s.deps.db.exec('DELETE FROM office_audit')).rejects.toThrow(/append-only/);
    if (engine === 'postgres') await expect(s.deps.db.exec('TRUNCATE office_audit')).rejects.toThrow(/append-only/);
    const after = (await (await supervisor.call('GET', 'audit')).json()) as { entries: unknown[] };
    expect(after.entries).toEqual(before.entries);
  });

  it("shows the tablets' event counts per event and day", async () => {
    const { s, supervisor } = await team();
    const eventId = uuid();
    await upsertEventStats(s.deps.db, eventId, {
      name: 'Library fair',
      place: 'Austin',
      date: '2025-06-14',
      defaultLocale: 'es',
      served: 12,
      submitted: 3,
      outcomes: { 'may-help': 5 },
      languages: { es: 9, en: 3 },
      outbox: { waiting: 0, needsAttention: 0, delivered: 3 },
    }, s.clock.now.toISOString());
    const res = (await (await supervisor.call('GET', 'events')).json()) as unknown;
    expect(res).toEqual({
      events: [{ eventId, name: 'Library fair', days: [{ date: '2025-06-14', counts: { served: 12, submitted: 3, 'outcome.may-help': 5, 'language.es': 9, 'language.en': 3 } }] }],
    });
  });
});

