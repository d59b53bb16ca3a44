import { afterEach, describe, expect, it, vi } from 'vitest';
import { putRequest, request, serverKey, uuid } from './intake-helpers';
import { makeOfficeServer, staffAgent, type OfficeServer } from './office-helpers';

/** The self-check's answers travel with the request to the office's request page and exports; the intake refuses ids it does not know. */
vi.setConfig({ testTimeout: 60_000 });

const servers: OfficeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const SCREENER = {
  outcome: 'may-help',
  answers: { about: 'uscis', wants: 'processing-help', problems: ['past-processing-time'], 'posted-time': { kind: 'months', months: 9 } },
};

describe('the screener block at the intake and in the console', () => {
  it('is kept as sent, shown on the request’s page and exported; unknown ids are refused with nothing stored', async () => {
    const s = await makeOfficeServer();
    servers.push(s);
    const key = await serverKey(s);
    const supervisor = await staffAgent(s, 'supervisor@example.gov', 'supervisor');

    const id = uuid();
    expect((await putRequest(s, id, request(id, [], { screener: SCREENER }), key)).status).toBeLessThan(300);
    const detail = (await (await supervisor.call('GET', `requests/${id}`)).json()) as { request: { screener?: unknown } };
    expect(detail.request.screener).toEqual(SCREENER);
    const jsonl = await (await supervisor.call('GET', 'export?format=jsonl')).text();
    expect((JSON.parse(jsonl.trim()) as { request: { screener: unknown } }).request.screener).toEqual(SCREENER);
    const csv = await (await supervisor.call('GET', 'export?format=csv')).text();
    const [header, row] = csv.replace(/^\uFEFF/, '').trim().split('\r\n') as [string, string];
    const cell = (name: string) => row.split('","')[header.split('","').indexOf(name)];
    expect(cell('request.screener.answers.problems')).toBe('past-processing-time');
    expect(cell('request.screener.answers.posted-time.months')).toBe('9');

    const bad = uuid();
    const refused = await putRequest(s, bad, request(bad, [], { screener: { ...SCREENER, answers: { ...SCREENER.answers, about: 'aliens' } } }), key);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ issues: [{ code: 'invalid_option', path: 'screener.answers.about' }] });
    const unknown = uuid();
    const extra = await putRequest(s, unknown, request(unknown, [], { screener: { ...SCREENER, answers: { 'free-text': 'hello' } } }), key);
    expect(extra.status).toBe(422);
    const inbox = (await (await supervisor.call('GET', 'requests')).json()) as { requests: { id: string }[] };
    expect(inbox.requests.map((r) => r.id)).toEqual([id]);
  });
});
