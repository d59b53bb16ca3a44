/**
 * The office console end to end, against the real server in a child
 * process: an applicant delivers a request with a photo; an administrator
 * created by the CLI enrols and invites an officer and a supervisor; the
 * officer signs in with password and TOTP, finds the request by its
 * receipt number, opens the photo, moves it to "needs information" with a
 * note and prints it; the supervisor exports CSV and ZIP and reads each
 * step in the audit log. axe runs on every console screen on the way.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext } from './harness';
import { openApp, outboxRecord, outboxState, seedDraft, sendFromReview } from './applicant';
import { addStaff, authenticator, STAFF_PASSWORD as PASSWORD } from './office-session';
import { useServerAndBrowser } from './suite';

const suite = useServerAndBrowser({ env: { RATE_LIMIT_PER_MINUTE: '0' } });

const NAME = 'Kowalczyk-Officetest';
const A_NUMBER = 'A087654321';
const RECEIPT = 'EAC2190054321';
// A 1×1 PNG: a real image the browser decodes.
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Account {
  email: string;
  /** The account's authenticator app: a code is never sent twice. */
  code: () => Promise<string>;
}

const accounts = new Map<string, Account>();
const axeFindings: string[] = [];
const audited: string[] = [];
let confirmation = '';

async function axe(page: Page, screen: string) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.startsWith('Loading'));
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  audited.push(screen);
  for (const v of result.violations) axeFindings.push(`[${screen}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function enrol(page: Page, link: string, email: string, screenPrefix: string): Promise<Account> {
  await page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
  await page.getByText(email).waitFor();
  expect(new URL(page.url()).hash).toBe('');
  await axe(page, `${screenPrefix} enrolment: password`);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  await axe(page, `${screenPrefix} enrolment: QR code`);
  const account: Account = { email, code: authenticator((await page.locator('.staff-secret').innerText()).replace(/\s/g, '')) };
  await page.getByLabel('6-digit code the app shows').fill(await account.code());
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
  accounts.set(email, account);
  return account;
}

async function signIn(context: BrowserContext, email: string, path = '/staff'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  await page.getByRole('heading', { name: 'Sign in to the office console' }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel(/6-digit code/).fill(await accounts.get(email)!.code());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('heading', { name: `Enrolment link for ${email}` }).waitFor();
  return page.locator('#invite-link').innerText();
}

const contexts: BrowserContext[] = [];
async function context(): Promise<BrowserContext> {
  const c = await newContext(suite.browser, { viewport: { width: 1280, height: 900 } });
  contexts.push(c);
  return c;
}

describe('the office console', () => {
  it('an applicant delivers a request with a photo; the console is never answered by the applicant’s worker', async () => {
    const applicant = await context();
    const page = await openApp(applicant, suite.server.url);
    const screenerBlock = { outcome: 'may-help', answers: { about: 'uscis', 'form-type': 'i485', 'posted-time': { kind: 'months', months: 9 } } };
    const id = await seedDraft(page, { familyName: NAME, aNumber: A_NUMBER, receiptNumber: RECEIPT, screenerBlock }, [
      { name: 'receipt-notice.png', type: 'image/png', base64: PHOTO },
    ]);
    await sendFromReview(page, suite.server.url, id);
    await expect.poll(() => outboxState(page, id), { timeout: 20_000 }).toBe('delivered');
    confirmation = String((await outboxRecord(page, id))!.confirmation);
    // The worker controls this origin, yet /staff comes from the network: the console's own page.
    await page.goto(`${suite.server.url}/staff`);
    await page.getByRole('heading', { name: 'Sign in to the office console' }).waitFor();
    await axe(page, 'sign-in');
  });

  it('an administrator made by the CLI enrols, signs in with TOTP and invites an officer and a supervisor', async () => {
    const link = await addStaff(suite.server, 'admin@agency.example', 'admin');
    const admin = await context();
    await enrol(await admin.newPage(), link, 'admin@agency.example', 'admin');
    const page = await signIn(admin, 'admin@agency.example', '/staff/accounts');
    await page.getByRole('heading', { level: 1, name: 'Staff accounts' }).waitFor();
    await axe(page, 'staff accounts');
    invites.officer = await invite(page, 'officer@agency.example', 'officer');
    invites.supervisor = await invite(page, 'supervisor@agency.example', 'supervisor');
    await axe(page, 'staff accounts with an invite link');
    await page.getByRole('rowheader', { name: 'supervisor@agency.example' }).waitFor();
  }, 180_000);

  it('the officer finds the request by receipt number, opens the photo, asks for information with a note, and prints it', async () => {
    const officer = await context();
    await enrol(await officer.newPage(), invites.officer, 'officer@agency.example', 'officer');
    const page = await signIn(officer, 'officer@agency.example');
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await axe(page, 'inbox');
    await page.getByLabel(/Find by A-number/).fill(RECEIPT);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(page.url()).not.toContain(RECEIPT);
    await page.getByRole('link', { name: confirmation }).click();
    await page.getByRole('heading', { level: 1, name: `Request ${confirmation}` }).waitFor();
    await axe(page, 'request');
    expect(await page.getByText(NAME).first().isVisible()).toBe(true);

    const photo = page.getByRole('img', { name: /Photo 1: receipt-notice\.png/ });
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // The photo opens in a tab of its own: the server's answer to that navigation, caught from its start.
    const navigation = officer.waitForEvent('response', { predicate: (r) => /\/attachments\//.test(r.url()) && r.request().isNavigationRequest() });
    const [opened, response] = await Promise.all([page.waitForEvent('popup'), navigation, page.getByRole('link', { name: /open full size/ }).click()]);
    expect(response.headers()['content-type']).toMatch(/^image\/png/);
    expect(response.headers()['content-disposition']).toMatch(/^inline/);
    expect(response.headers()['content-disposition']).not.toContain('receipt-notice');
    await opened.close();

    // What the self-check answered, in English with its questions.
    const screener = page.getByRole('region', { name: 'Self-check answers (“Can we help?”)' });
    await screener.getByText('Which form is taking too long?').waitFor();
    await screener.getByText('I-485: apply for a green card').waitFor();
    // An officer takes a request nobody has.
    const assignment = page.getByRole('region', { name: 'Assignment' });
    await assignment.getByRole('button', { name: 'Assign to me' }).click();
    await assignment.getByText('You have this request.').waitFor();

    const review = page.getByRole('region', { name: 'Review' });
    await review.getByLabel('In review').check();
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByText('The request is now “In review”.').waitFor();
    await review.getByLabel('Needs information').check();
    await review.getByLabel('Receipt notice is missing').check();
    await review.getByLabel('Note to the person (optional)').fill('Please send a clear photo of the receipt notice.');
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByText('The request is now “Needs information”.').waitFor();
    const notes = page.getByRole('region', { name: 'Internal notes' });
    await notes.getByLabel('New note').fill('Called the person; a new photo is coming.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.getByText('Called the person; a new photo is coming.').waitFor();
    await axe(page, 'request after review');

    await page.getByRole('link', { name: 'Print view' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case assistance request (Form DHS-7001)' }).waitFor();
    await axe(page, 'print view');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'Letter' });
    const text = pdfText(pdf);
    if (text === null) {
      // No pdftotext here: check the rules that put the header and page numbers on every page.
      const rules = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
      expect(rules).toMatch(/@page[^]*counter\(page\)[^]*counter\(pages\)/);
      expect(rules).toContain('var(--staff-print-who');
    } else {
      const pages = text.split('\f').filter((p) => p.trim());
      // More than one page, so "on every page" is tested, not only the first.
      expect(pages.length).toBeGreaterThan(1);
      expect(text).toContain('I-485: apply for a green card');
      pages.forEach((p, i) => {
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(p).toContain(NAME);
        expect(p).toContain('A087-654-321');
      });
    }
  }, 180_000);

  it('the supervisor exports CSV and ZIP and reads every step in the audit log', async () => {
    const supervisor = await context();
    await enrol(await supervisor.newPage(), invites.supervisor, 'supervisor@agency.example', 'supervisor');
    const page = await signIn(supervisor, 'supervisor@agency.example');
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain(confirmation);
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ZIP with files' }).click()]);
    const zipBytes = readFileSync((await zip.path())!);
    expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('link', { name: 'Event counts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Event counts' }).waitFor();
    await axe(page, 'event counts');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await axe(page, 'audit log');
    const cells = await page.locator('tbody td:nth-child(3)').allInnerTexts();
    for (const step of ['Finished enrolment', 'Invited a staff member', 'Signed in', 'Viewed a request', 'Opened a file', 'Changed a review state', 'Added a note', 'Exported requests']) {
      expect(cells, step).toContain(step);
    }
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows.some((r) => r.includes('officer@agency.example') && r.includes('Opened a file'))).toBe(true);
    expect(rows.filter((r) => r.includes('supervisor@agency.example') && r.includes('Exported requests')).length).toBeGreaterThanOrEqual(2);
    // Each step on the request names it by its confirmation number, in words, with a link to it.
    expect(rows.some((r) => r.includes(`Request ${confirmation}`) && r.includes('Received → In review'))).toBe(true);
    expect(rows.some((r) => r.includes(`Request ${confirmation}`) && r.includes('In review → Needs information'))).toBe(true);
    expect(rows.some((r) => r.includes('Assigned a request') && r.includes('to officer@agency.example'))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/->|to=/);
    expect(await page.getByRole('link', { name: `Request ${confirmation}` }).first().getAttribute('href')).toMatch(/^\/staff\/requests\/[0-9a-f-]{36}$/);
    // Nothing the person wrote is in the audit log.
    expect(rows.join('\n')).not.toContain(NAME);

    for (const c of contexts) await c.close();
    expect(audited.length).toBeGreaterThanOrEqual(14);
    expect(axeFindings).toEqual([]);
  }, 180_000);
});

const invites: { officer: string; supervisor: string } = { officer: '', supervisor: '' };

/** The PDF's text, pages split by form feeds, when poppler's pdftotext is installed; null when not. */
function pdfText(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-print-'));
  const file = join(dir, 'request.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}
