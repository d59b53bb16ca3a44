/**
 * Passkeys in Chromium with the DevTools virtual authenticator (a
 * platform authenticator that verifies the user): an officer made by the
 * CLI enrols and signs in with password + TOTP, adds a passkey on "My
 * account", signs out and signs in with password + passkey; an
 * administrator reads both in the audit log. The server's public origin
 * is http://localhost:PORT, the relying party WebAuthn checks against.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, removeDir, startServer, type RunningServer } from './harness';
import { addStaff, authenticator, STAFF_PASSWORD as PASSWORD } from './office-session';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: RunningServer;
let browser: Browser;
let origin = '';
const env = () => ({ PUBLIC_ORIGIN: origin, RATE_LIMIT_PER_MINUTE: '0' });

/** A port nobody listens on now: the public origin must be known before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = await startServer({ port, env: env() });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const findings: string[] = [];
async function axe(page: Page, screen: string) {
  await page.locator('main h1').first().waitFor();
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const v of result.violations) findings.push(`[${screen}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface Account {
  email: string;
  /** The account's authenticator app: a code is never sent twice. */
  code: () => Promise<string>;
}

async function enrol(context: BrowserContext, email: string, role: 'officer' | 'admin'): Promise<Account> {
  const page = await context.newPage();
  // The CLI prints the link on the public origin, the relying party the passkeys are made for.
  await page.goto(await addStaff(server, email, role, env()));
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = (await page.locator('.staff-secret').innerText()).replace(/\s/g, '');
  const account: Account = { email, code: authenticator(secret) };
  await page.getByLabel('6-digit code the app shows').fill(await account.code());
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
  await page.close();
  return account;
}

async function signInPage(page: Page, account: Account) {
  await page.goto(`${origin}/staff`);
  await page.getByRole('heading', { name: 'Sign in to the office console' }).waitFor();
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(PASSWORD);
}

describe('passkeys in the office console', () => {
  it('an officer adds a passkey after a TOTP sign-in, then signs in with password + passkey; the audit log shows both', async () => {
    const officerContext = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const adminContext = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const officer = await enrol(officerContext, 'officer@agency.example', 'officer');
    const admin = await enrol(adminContext, 'admin@agency.example', 'admin');

    const page = await officerContext.newPage();
    const cdp = await officerContext.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    await signInPage(page, officer);
    await page.getByLabel(/6-digit code/).fill(await officer.code());
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await axe(page, 'my account');
    // Bad input first: told beside the field, nothing asked of the device.
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Name the passkey').waitFor();
    await axe(page, 'my account with field errors');
    await page.getByLabel('Name', { exact: true }).fill('Office laptop');
    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('alert').getByText('That password or code is not right').waitFor();
    await expect.poll(async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length).toBe(0);
    // The name stays as typed.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Office laptop');
    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').getByText('Passkey “Office laptop” added.').waitFor();
    await page.getByRole('rowheader', { name: 'Office laptop' }).waitFor();
    await axe(page, 'my account with a passkey');
    const stored = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.isResidentCredential).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInPage(page, officer);
    await page.getByRole('button', { name: 'Use a passkey instead of the code' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    // The authenticator counted the use.
    await expect.poll(async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!.signCount).toBeGreaterThan(0);

    const adminPage = await adminContext.newPage();
    await signInPage(adminPage, admin);
    await adminPage.getByLabel(/6-digit code/).fill(await admin.code());
    await adminPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await adminPage.getByRole('link', { name: 'Audit log' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await adminPage.locator('tbody tr').first().waitFor();
    await axe(adminPage, 'audit log');
    const rows = await adminPage.locator('tbody tr').allInnerTexts();
    const officerRows = rows.filter((r) => r.includes('officer@agency.example'));
    expect(officerRows.some((r) => r.includes('Added a passkey'))).toBe(true);
    expect(officerRows.some((r) => r.includes('Passkey refused') && r.includes('Wrong password or code when confirming who they are'))).toBe(true);
    expect(officerRows.filter((r) => r.includes('Signed in'))).toHaveLength(2);
    expect(officerRows.some((r) => r.includes('Signed in') && r.includes('With a passkey'))).toBe(true);

    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await officerContext.close();
    await adminContext.close();
    expect(findings).toEqual([]);
  }, 240_000);
});
