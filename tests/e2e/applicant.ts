/**
 * What an applicant does in browser tests: open the app with its worker in
 * control, write a finished draft (the form's autosave shape, so a test does
 * not depend on every question's wording) with its files into IndexedDB,
 * and press "Send request" on the review step. Shared by the delivery and
 * office end-to-end tests.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { waitForController, waitForScreen, waitForServiceWorker } from './harness';

/** A file the draft carries: text content, or base64 bytes (a photo). */
export interface DraftFile {
  name: string;
  type: string;
  text?: string;
  base64?: string;
}

export interface DraftPerson {
  familyName: string;
  /** "Ana" unless given. */
  givenName?: string;
  aNumber?: string;
  receiptNumber?: string;
  /** ['I-485'] unless given. */
  formTypes?: string[];
  /** The self-check's answers block, as a request started from the screener keeps it. */
  screenerBlock?: unknown;
}

/** A PDF-typed file holding `text`, as most tests need. */
export const pdf = (text: string): DraftFile => ({ name: 'letter.pdf', type: 'application/pdf', text });

/** Opens the app with its worker installed and in control, as after a first visit. */
export async function openApp(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/requests`);
  await waitForServiceWorker(page);
  await page.reload();
  await waitForController(page);
  await waitForScreen(page);
  return page;
}

/** Writes a complete draft (and files) as the form's autosave would; answers its id. */
export async function seedDraft(page: Page, person: DraftPerson, files: readonly (DraftFile | string)[] = []): Promise<string> {
  const specs = files.map((f) => (typeof f === 'string' ? pdf(f) : f));
  return page.evaluate(
    async ({ specs, person }) => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const now = new Date();
      const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      const id = crypto.randomUUID();
      const givenName = person.givenName ?? 'Ana';
      const data = {
        filler: 'self',
        person: {
          familyName: person.familyName,
          givenName,
          dateOfBirth: '1990-02-28',
          countryOfBirth: 'MX',
          citizenship: 'MX',
          aNumber: person.aNumber ?? '',
          address: { kind: 'us', line1: '100 Main St', city: 'Austin', state: 'TX', zip: '78701' },
          email: 'ana@example.com',
        },
        case: {
          formTypes: person.formTypes ?? ['I-485'],
          receiptNumbers: [person.receiptNumber ?? ''],
          problemKinds: ['past-processing-time'],
          whatHappened: 'My case has been pending for two years.',
          helpWanted: 'Please ask USCIS to look at my case.',
        },
        consent: { agreed: true, signatureKind: 'typed', typedName: `${givenName} ${person.familyName}`, date: today },
        ...(person.screenerBlock ? { screener: { urgent: false, block: person.screenerBlock } } : {}),
      };
      const records = await Promise.all(
        specs.map(async (spec) => {
          const bytes = spec.base64 !== undefined ? Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0)) : new TextEncoder().encode(spec.text ?? '');
          const blob = new Blob([bytes], { type: spec.type });
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
          const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
          return { id: crypto.randomUUID(), draftId: id, name: spec.name, type: spec.type, size: blob.size, blob, sha256, createdAt: Date.now() };
        }),
      );
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('ombuds');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['drafts', 'attachments'], 'readwrite');
        tx.objectStore('drafts').put({ id, createdAt: Date.now(), updatedAt: Date.now(), schemaVersion: 1, data, status: 'editing', step: 'review' });
        for (const r of records) tx.objectStore('attachments').put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return id;
    },
    { specs, person },
  );
}

/** The person presses "Send request" on the review step. */
export async function sendFromReview(page: Page, origin: string, id: string): Promise<void> {
  await page.goto(`${origin}/requests/${id}/review`);
  await page.getByRole('button', { name: 'Send request' }).click();
  // Ready to send, and on a good connection perhaps already sending or delivered.
  await page.getByRole('heading', { level: 1, name: /^(Ready to send — not sent yet|Sending — not delivered yet|Delivered to the office)$/ }).waitFor();
}

export async function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('ombuds');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(store, 'readonly').objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    // Blobs do not survive the trip out of the page; say what they were.
    return JSON.parse(JSON.stringify(all, (_k, v) => (v instanceof Blob ? { blobBytes: v.size } : v))) as Record<string, unknown>[];
  }, store);
}

export async function outboxRecord(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return (await readStore(page, 'outbox')).find((r) => r.id === id);
}

export const outboxState = async (page: Page, id: string) => (await outboxRecord(page, id))?.state;

/** The id a submitted draft travels under; read while it waits (a delivered record keeps none). */
export async function wireIdOf(page: Page, id: string): Promise<string> {
  const wireId = (await outboxRecord(page, id))?.wireId;
  if (typeof wireId !== 'string') throw new Error('the outbox record has no wire id');
  return wireId;
}
