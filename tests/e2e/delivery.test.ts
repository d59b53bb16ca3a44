/**
 * Delivery end to end: the built app in Chromium, its service worker, and
 * the real intake server in a child process. A request is made the way the
 * form makes it (tests/e2e/applicant.ts): a finished draft in IndexedDB,
 * then "Send request" on its review step. The server knows a request by its
 * wire id (derived from the device's secret claim), the page by the draft's id.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { goOffline, goOnline, newContext, waitForScreen } from './harness';
import { openApp as open, outboxRecord, outboxState, readStore, seedDraft as seed, sendFromReview as send, wireIdOf } from './applicant';
import { useServerAndBrowser } from './suite';

const TOKEN = 'e2e-staff-token-0123456789';
const NAME = 'Zelinska-Testperson';

const suite = useServerAndBrowser({ env: { INTAKE_TOKEN: TOKEN } });

interface StaffSummary {
  id: string;
  confirmation: string;
}

async function staffList(): Promise<StaffSummary[]> {
  const res = await fetch(`${suite.server.url}/api/v1/requests`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { requests: StaffSummary[] }).requests;
}

async function staffDetail(id: string) {
  const res = await fetch(`${suite.server.url}/api/v1/requests/${id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return (await res.json()) as { request: { person: { familyName: string } }; attachments: { id: string; sha256: string; href: string }[] };
}

const openApp = (context: BrowserContext) => open(context, suite.server.url);
const seedDraft = (page: Page, files: string[] = []) => seed(page, { familyName: NAME }, files);
const sendFromReview = (page: Page, id: string) => send(page, suite.server.url, id);
const stateOf = outboxState;

/** Runs in a tab: wraps its lock manager so every try for the flush lock is logged with whether it was granted. */
function logFlushLockTries() {
  const w = window as unknown as { __flushTries: { granted: boolean }[] };
  w.__flushTries = [];
  const locks = navigator.locks;
  const request = locks.request.bind(locks) as (name: string, options: LockOptions, cb: LockGrantedCallback<unknown>) => Promise<unknown>;
  Object.defineProperty(locks, 'request', {
    configurable: true,
    value: (name: string, options: LockOptions, cb: LockGrantedCallback<unknown>) =>
      request(name, options, (lock) => {
        if (name === 'ombuds-flush') w.__flushTries.push({ granted: lock !== null });
        return cb(lock);
      }),
  });
}

const flushLockTries = (tab: Page) => tab.evaluate(() => (window as unknown as { __flushTries: { granted: boolean }[] }).__flushTries);

describe('delivery', () => {
  it('submitted offline, page closed, reopened online: delivered once, nothing personal left, the wire id in no URL the person visited', async () => {
    const context = await newContext(suite.browser);
    // Every navigation the server or the worker was asked for, in any tab.
    const navigations: string[] = [];
    context.on('request', (r) => void (r.isNavigationRequest() && navigations.push(r.url())));
    const history = async (p: Page) => {
      const cdp = await context.newCDPSession(p);
      const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] };
      await cdp.detach();
      return entries.map((e) => e.url);
    };
    const page = await openApp(context);
    const id = await seedDraft(page, ['%PDF scanned letter one']);
    await goOffline(context);
    await sendFromReview(page, id);
    await expect.poll(() => outboxRecord(page, id)).toMatchObject({ state: 'waiting', needsSeal: false });
    const waiting = (await outboxRecord(page, id))!;
    expect(JSON.stringify(waiting)).not.toContain(NAME);
    expect(JSON.stringify(waiting)).not.toContain('letter.pdf');
    const wireId = await wireIdOf(page, id);
    expect(wireId).not.toBe(id);
    // The page's own addresses name the draft, which is all a bystander at this tablet could read.
    const visited = [...(await history(page)), page.url()];
    expect(visited.some((u) => u.includes(`/requests/${id}/review`))).toBe(true);
    await page.close();

    await goOnline(context);
    const again = await context.newPage();
    await again.goto(`${suite.server.url}/`);
    await expect.poll(() => stateOf(again, id), { timeout: 20_000 }).toBe('delivered');
    const record = (await outboxRecord(again, id))!;
    // The status secret and the wire id stay: what the status page asks the office with (neither is shown).
    expect(Object.keys(record).sort()).toEqual(['confirmation', 'deliveredAt', 'formTypes', 'id', 'state', 'statusSecret', 'wireId']);
    expect((await readStore(again, 'drafts')).some((d) => d.id === id)).toBe(false);
    expect((await readStore(again, 'attachments')).some((a) => a.draftId === id)).toBe(false);
    // The status screen after delivery, then every address either tab was at or asked for.
    await again.goto(`${suite.server.url}/requests/status`);
    await again.getByText(String(record.confirmation)).first().waitFor();
    expect(await again.content()).not.toContain(wireId);
    for (const url of [...visited, ...(await history(again)), again.url(), ...navigations]) expect(url).not.toContain(wireId);
    expect(navigations.length).toBeGreaterThan(3);

    const received = (await staffList()).filter((r) => r.id === wireId);
    expect(received).toHaveLength(1);
    expect(received[0]!.confirmation).toBe(record.confirmation);
    expect((await staffList()).some((r) => r.id === id)).toBe(false);
    const detail = await staffDetail(wireId);
    expect(detail.request.person.familyName).toBe(NAME);
    expect(detail.attachments).toHaveLength(1);
    await context.close();
  });

  it('the server killed mid-flush and restarted: still exactly one record, files intact', async () => {
    const context = await newContext(suite.browser);
    const page = await openApp(context);

    // 1. The server dies while the second of two files is on its way. The
    // files go up side by side: the first is answered before the server dies.
    const first = await seedDraft(page, ['%PDF file A', '%PDF file B']);
    let uploads = 0;
    let firstAnswered!: () => void;
    const firstDone = new Promise<void>((r) => (firstAnswered = r));
    await context.route('**/api/v1/requests/*/attachments/*', async (route) => {
      const n = ++uploads;
      if (n === 2) {
        await firstDone;
        await suite.server.kill();
        return route.abort('connectionreset');
      }
      if (n === 1) {
        await route.fulfill({ response: await route.fetch() });
        return firstAnswered();
      }
      return route.continue();
    });
    await sendFromReview(page, first);
    await expect.poll(() => outboxRecord(page, first), { timeout: 20_000 }).toMatchObject({ state: 'waiting', attempts: 1 });
    const files = (await outboxRecord(page, first))!.attachments as { uploaded: boolean }[];
    const firstWire = await wireIdOf(page, first);
    expect(files.map((f) => f.uploaded)).toEqual([true, false]);
    await context.unroute('**/api/v1/requests/*/attachments/*');
    await suite.server.restart();
    await page.reload();
    await expect.poll(() => stateOf(page, first), { timeout: 20_000 }).toBe('delivered');
    // Resumed file by file: only the missing file went again.
    expect(uploads).toBe(2);

    // 2. The server commits, then dies before its answer gets back.
    const second = await seedDraft(page, ['%PDF file C']);
    let committedThenKilled = false;
    // The request PUT (its wire id is made at submit); file uploads have a longer path.
    await context.route('**/api/v1/requests/*', async (route) => {
      if (committedThenKilled || route.request().method() !== 'PUT') return route.continue();
      committedThenKilled = true;
      await route.fetch();
      await suite.server.kill();
      return route.abort('connectionreset');
    });
    await sendFromReview(page, second);
    await expect.poll(() => outboxRecord(page, second), { timeout: 20_000 }).toMatchObject({ state: 'waiting', lastError: 'network' });
    const secondWire = await wireIdOf(page, second);
    await suite.server.restart();
    await page.reload();
    await expect.poll(() => stateOf(page, second), { timeout: 20_000 }).toBe('delivered');

    const list = await staffList();
    expect(list.filter((r) => r.id === firstWire)).toHaveLength(1);
    expect(list.filter((r) => r.id === secondWire)).toHaveLength(1);
    const detail = await staffDetail(firstWire);
    expect(detail.attachments).toHaveLength(2);
    for (const file of detail.attachments) {
      const bytes = await (await fetch(`${suite.server.url}/api/v1/${file.href}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).arrayBuffer();
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      expect(digest).toBe(file.sha256);
    }
    await context.close();
  });

  it('two tabs flushing at once: their flushes overlap, the lock lets one send, each request received once', async () => {
    const context = await newContext(suite.browser);
    const tabA = await openApp(context);
    await goOffline(context);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await seedDraft(tabA, [`%PDF tab file ${i}`]);
      await sendFromReview(tabA, id);
      ids.push(id);
    }
    const wireIds = await Promise.all(ids.map((id) => wireIdOf(tabA, id)));
    const before = (await staffList()).length;
    const tabB = await context.newPage();
    await tabB.goto(`${suite.server.url}/`);
    await waitForScreen(tabB);
    const tabs = { A: tabA, B: tabB };
    // Each tab logs its tries for the flush lock and whether it got it.
    for (const tab of Object.values(tabs)) await tab.evaluate(logFlushLockTries);

    // The first send to arrive is held until both tabs have tried to flush
    // while it is in flight: the overlap is made, then observed, not assumed.
    const seen: string[] = [];
    let holder: 'A' | 'B' | 'worker' | null = null;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const firstSend = new Promise<void>((r) => (arrived = r));
    // Files and requests go by PUT; requests ready at the same time may share a batch.
    const sends = async (route: Route) => {
      const request = route.request();
      if (request.method() === 'PUT' || request.method() === 'POST') {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('/request-batch')) {
          for (const item of (request.postDataJSON() as { requests: { id: string }[] }).requests) seen.push(`/api/v1/requests/${item.id}`);
        } else seen.push(path);
        if (holder === null) {
          const page = request.serviceWorker() ? null : request.frame().page();
          holder = page === tabA ? 'A' : page === tabB ? 'B' : 'worker';
          arrived();
          await released;
        }
      }
      return route.continue();
    };
    await context.route('**/api/v1/requests/**', sends);
    await context.route('**/api/v1/request-batch', sends);
    await goOnline(context);
    const online = () => Promise.all(Object.values(tabs).map((tab) => tab.evaluate(() => window.dispatchEvent(new Event('online')))));
    await online();
    await firstSend;
    const owner = holder as 'A' | 'B' | 'worker' | null;
    const triesBefore = { A: await flushLockTries(tabA), B: await flushLockTries(tabB) };
    // While that send waits: both tabs hear 'online' again and flush.
    await online();
    const others = (Object.keys(tabs) as ('A' | 'B')[]).filter((name) => name !== owner);
    for (const name of others) {
      await expect.poll(async () => (await flushLockTries(tabs[name])).length, { timeout: 10_000 }).toBeGreaterThan(triesBefore[name].length);
      // Its flush ran while another flush's send was in flight, and the lock kept it out.
      const during = (await flushLockTries(tabs[name])).slice(triesBefore[name].length);
      expect(during.every((t) => !t.granted)).toBe(true);
    }
    // The flush whose send is held still holds the lock (it may have started before the logging did).
    expect(await tabB.evaluate(async () => (await navigator.locks.query()).held?.some((l) => l.name === 'ombuds-flush'))).toBe(true);
    release();

    for (const id of ids) await expect.poll(() => stateOf(tabB, id), { timeout: 30_000 }).toBe('delivered');
    const list = await staffList();
    expect(list).toHaveLength(before + 3);
    for (const wire of wireIds) expect(list.filter((r) => r.id === wire)).toHaveLength(1);
    // Each request sent once (by PUT or in a batch): the overlapping flushes never sent one twice.
    for (const wire of wireIds) expect(seen.filter((p) => p.endsWith(`/requests/${wire}`))).toHaveLength(1);
    await context.close();
  });

  it("the service worker delivers on its 'sync' event with no page of the app open", async () => {
    const context = await newContext(suite.browser);
    const page = await openApp(context);
    const id = await seedDraft(page, ['%PDF sent by the worker']);
    await goOffline(context);
    await sendFromReview(page, id);
    await expect.poll(() => stateOf(page, id)).toBe('waiting');
    const wireId = await wireIdOf(page, id);
    // No page of the app stays open: only the worker can send it now.
    const blank = await context.newPage();
    await page.close();
    await goOnline(context);
    const cdp = await context.newCDPSession(blank);
    const registrations = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
        const mine = e.registrations.find((r) => r.scopeURL.startsWith(suite.server.url) && !r.isDeleted);
        if (mine) resolve(mine.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registrations;
    const received = async () => (await staffList()).filter((r) => r.id === wireId).length;
    // The browser's own 'sync' (registered at submit, while this context was
    // emulating offline) may still be flushing when ours arrives; ours then
    // finds the flush lock taken, fails, and the browser would fire again
    // later. So do we: fire, wait for the delivery, fire again if needed.
    for (let attempt = 0; attempt < 5 && (await received()) === 0; attempt++) {
      await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: suite.server.url, registrationId, tag: 'ombuds-outbox', lastChance: false });
      await expect
        .poll(received, { timeout: 6_000 })
        .toBe(1)
        .catch(() => {});
    }
    expect(await received()).toBe(1);
    expect((await staffDetail(wireId)).attachments).toHaveLength(1);
    await context.close();
  });

  it('a request the server refuses (422) comes back to the person, editable, with the reason', async () => {
    const context = await newContext(suite.browser);
    // The tablet's clock runs three days fast: its "today" is the server's future.
    await context.clock.install({ time: Date.now() + 3 * 24 * 3600_000 });
    const page = await openApp(context);
    const id = await seedDraft(page);
    await sendFromReview(page, id);
    await expect.poll(() => stateOf(page, id), { timeout: 20_000 }).toBe('needs-attention');
    const record = (await outboxRecord(page, id))!;
    expect(record.reasons).toEqual([{ code: 'date.future', path: 'consent.date' }]);
    const draft = (await readStore(page, 'drafts')).find((d) => d.id === id)!;
    expect(draft.status).toBe('editing');
    // The reopened draft keeps its claim: sent again, it goes under the same wire id.
    expect(draft.claim).toBe(record.claim);
    // The form opens for editing again.
    await page.goto(`${suite.server.url}/requests/${id}/review`);
    await page.getByRole('button', { name: 'Send request' }).waitFor();
    expect((await staffList()).some((r) => r.id === id || r.id === record.wireId)).toBe(false);
    await context.close();
  });
});
