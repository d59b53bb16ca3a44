import { describe, expect, it, vi } from 'vitest';
import { putRequest, request, serverKey, uuid } from './intake-helpers';
import { officeServer, staffAgent, type OfficeServer } from './office-helpers';
import { ENGINES, useEngines } from './intake-engines';
import { inviteStaff } from '../../src/server/office/staff-store';

/** The staff directory supervisors assign from, who may assign to whom, and the inbox's "assigned to" filter, on both engines. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const engines = useEngines();

async function deliver(s: OfficeServer): Promise<string> {
  const id = uuid();
  expect((await putRequest(s, id, request(id), await serverKey(s))).status).toBeLessThan(300);
  s.advance(1000);
  return id;
}

type Page = { requests: { id: string; assignee: { id: string } | null }[]; counts: Record<string, number> };

describe.each(ENGINES)('assignment on %s', (engine) => {
  async function team() {
    const s = await officeServer(engines, engine);
    return {
      s,
      officer: await staffAgent(s, 'officer@example.gov', 'officer'),
      other: await staffAgent(s, 'other.officer@example.gov', 'officer'),
      supervisor: await staffAgent(s, 'supervisor@example.gov', 'supervisor'),
      admin: await staffAgent(s, 'admin@example.gov', 'admin'),
    };
  }

  it('lists active staff to supervisors only: id, e-mail and role, no invited or disabled account, no secret', async () => {
    const { s, officer, other, supervisor, admin } = await team();
    await inviteStaff(s.deps.db, 'invited@example.gov', 'officer', s.clock.now, 72);
    expect((await admin.call('PATCH', `staff/${other.id}`, { disabled: true })).status).toBe(200);

    const officerTry = await officer.call('GET', 'staff/directory');
    expect([officerTry.status, await officerTry.json()]).toEqual([403, { error: 'forbidden' }]);
    const res = await supervisor.call('GET', 'staff/directory');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({
      staff: [
        { id: admin.id, email: admin.email, role: 'admin' },
        { id: officer.id, email: officer.email, role: 'officer' },
        { id: supervisor.id, email: supervisor.email, role: 'supervisor' },
      ],
    });
    expect((await admin.call('GET', 'staff/directory')).status).toBe(200);
  });

  it('a supervisor assigns to any active colleague and never to a disabled, invited or unknown one', async () => {
    const { s, officer, other, supervisor, admin } = await team();
    const id = await deliver(s);
    const assign = (staffId: string | null) => supervisor.call('POST', `requests/${id}/assign`, { staffId });

    expect(await (await assign(other.id)).json()).toMatchObject({ assignee: { id: other.id, email: other.email } });
    expect(await (await assign(admin.id)).json()).toMatchObject({ assignee: { id: admin.id } });
    expect((await admin.call('PATCH', `staff/${officer.id}`, { disabled: true })).status).toBe(200);
    const refused = await assign(officer.id);
    expect([refused.status, await refused.json()]).toEqual([422, { error: 'invalid_staff' }]);
    const invited = (await inviteStaff(s.deps.db, 'invited@example.gov', 'officer', s.clock.now, 72))!;
    expect((await assign(invited.id)).status).toBe(422);
    expect((await assign(uuid())).status).toBe(422);
    // The refusals left the assignment as it was.
    expect(await (await supervisor.call('GET', `requests/${id}`)).json()).toMatchObject({ assignee: { id: admin.id } });
    expect(await (await assign(null)).json()).toMatchObject({ assignee: null });

    const audit = (await (await supervisor.call('GET', 'audit?action=assign')).json()) as { entries: { actor: { id: string }; detail: string }[] };
    expect(audit.entries.map((e) => e.detail)).toEqual(['none', `to=${admin.id}`, `to=${other.id}`]);
  });

  it('an officer takes a request nobody has and gives back their own, but never takes, gives or releases anyone else’s', async () => {
    const { s, officer, other } = await team();
    const id = await deliver(s);
    const as = (agent: typeof officer, staffId: string | null) => agent.call('POST', `requests/${id}/assign`, { staffId });

    const giveAway = await as(officer, other.id);
    expect([giveAway.status, await giveAway.json()]).toEqual([403, { error: 'forbidden' }]);
    expect(await (await as(officer, officer.id)).json()).toMatchObject({ assignee: { id: officer.id } });
    // Taking it again is no change; another officer finds it taken.
    expect((await as(officer, officer.id)).status).toBe(200);
    const taken = await as(other, other.id);
    expect([taken.status, await taken.json()]).toEqual([409, { error: 'already_assigned' }]);
    const release = await as(other, null);
    expect([release.status, await release.json()]).toEqual([403, { error: 'forbidden' }]);
    expect(await (await as(officer, null)).json()).toMatchObject({ assignee: null });
    expect(await (await as(other, other.id)).json()).toMatchObject({ assignee: { id: other.id } });
  });

  it('filters the inbox by me, nobody, or a named person (that one for supervisors)', async () => {
    const { s, officer, other, supervisor } = await team();
    const mine = await deliver(s);
    const theirs = await deliver(s);
    const nobodys = await deliver(s);
    await supervisor.call('POST', `requests/${mine}/assign`, { staffId: officer.id });
    await supervisor.call('POST', `requests/${theirs}/assign`, { staffId: other.id });
    const ids = async (agent: typeof officer, assigned: string) => {
      const res = await agent.call('GET', `requests?assigned=${assigned}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      return { ids: page.requests.map((r) => r.id), received: page.counts.received };
    };
    expect(await ids(officer, 'me')).toEqual({ ids: [mine], received: 1 });
    expect(await ids(officer, 'none')).toEqual({ ids: [nobodys], received: 1 });
    expect(await ids(supervisor, other.id)).toEqual({ ids: [theirs], received: 1 });
    expect(await ids(supervisor, 'none')).toEqual({ ids: [nobodys], received: 1 });

    const named = await officer.call('GET', `requests?assigned=${other.id}`);
    expect([named.status, await named.json()]).toEqual([403, { error: 'forbidden' }]);
    expect((await supervisor.call('GET', 'requests?assigned=someone')).status).toBe(400);
    // The export takes the same filter.
    const csv = await (await supervisor.call('GET', `export?format=jsonl&assigned=${other.id}`)).text();
    expect(csv.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([theirs]);
  });
});
