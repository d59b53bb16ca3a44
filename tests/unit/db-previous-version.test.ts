/**
 * An IndexedDB written by the version before the folder restructure (schema
 * version 2: stores drafts, attachments, outbox, kv, events) opens in this
 * code with nothing lost. The layout below is frozen on purpose: it is
 * written with the raw IndexedDB API, not with db.ts, so a change to db.ts
 * that forgets installed devices fails here.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb } from '../../src/storage/db';
import { getDraft, listDrafts } from '../../src/storage/drafts';
import { listAttachments } from '../../src/storage/attachments';
import { getOutboxRecord, listOutbox } from '../../src/outbox/outbox-store';
import { currentEvent, kvGet } from '../../src/event-mode/events';
import { followLink, listStatuses } from '../../src/storage/statuses';

const PREVIOUS_VERSION = 2;

const draft = {
  id: '6f1c2a4e-0b7d-4c1e-9a55-3d2f6b8e9c01',
  createdAt: 1_764_800_000_000,
  updatedAt: 1_764_800_360_000,
  schemaVersion: 1,
  status: 'editing',
  step: 'case',
  sessionId: 'session-1',
  data: {
    filler: 'self',
    person: { familyName: 'García Márquez', givenName: 'Ana', aNumber: 'A123456789', otherNames: ['Ana G.'] },
    case: { formTypes: ['I-485'], receiptNumbers: ['EAC2412345678'], whatHappened: 'Biometrics done in May; nothing since.\nCalled twice.' },
  },
};
const submitted = {
  id: '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00',
  createdAt: 1_764_700_000_000,
  updatedAt: 1_764_700_900_000,
  schemaVersion: 1,
  status: 'submitted',
  submittedAt: 1_764_700_900_000,
  data: { filler: 'self', person: { familyName: 'Nguyen' } },
  request: { id: '0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f00', person: { familyName: 'Nguyen' } },
};
const attachmentBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const attachment = {
  id: 'a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d',
  draftId: draft.id,
  name: 'receipt notice.png',
  type: 'image/png',
  size: attachmentBytes.byteLength,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  createdAt: 1_764_800_100_000,
  width: 640,
  height: 480,
};
const outbox = {
  id: submitted.id,
  state: 'waiting',
  formTypes: ['N-400'],
  submittedAt: '2025-12-02T18:15:00.000Z',
  needsSeal: false,
  hasLocalCopy: true,
  kid: 'k-2025-11',
  body: {
    v: 1,
    alg: 'ECDH-ES+A256GCM',
    kid: 'k-2025-11',
    epk: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' },
    iv: 'AAECAwQFBgcICQoL',
    ct: 'c2VhbGVkIGJ5dGVz',
  },
  attachments: [],
  attempts: 2,
  nextTryAt: 1_764_700_990_000,
  lastError: 'offline',
};
const event = {
  id: 'e1e2e3e4-0000-4000-8000-000000000001',
  name: 'Library clinic',
  place: 'Main branch',
  date: '2025-12-03',
  defaultLocale: 'es',
  idleSeconds: 180,
  startedAt: 1_764_790_000_000,
  served: 3,
  submitted: 1,
  languages: { es: 2, en: 1 },
  outcomes: {},
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The previous version's database, created and filled as that version did. */
async function writePreviousVersion(): Promise<void> {
  const open = indexedDB.open('ombuds', PREVIOUS_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
    db.createObjectStore('attachments', { keyPath: 'id' }).createIndex('by-draft', 'draftId');
    db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-state', 'state');
    db.createObjectStore('kv');
    db.createObjectStore('events', { keyPath: 'id' });
  };
  const db = await request(open);
  const tx = db.transaction(['drafts', 'attachments', 'outbox', 'kv', 'events'], 'readwrite');
  tx.objectStore('drafts').put(draft);
  tx.objectStore('drafts').put(submitted);
  tx.objectStore('attachments').put({ ...attachment, blob: new Blob([attachmentBytes], { type: 'image/png' }) });
  tx.objectStore('outbox').put(outbox);
  tx.objectStore('events').put(event);
  tx.objectStore('kv').put(event.id, 'event.current');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  await writePreviousVersion();
});

afterEach(async () => {
  await closeDb();
});

describe('a database written by the previous version', () => {
  it('keeps every draft as typed, the open one still editable', async () => {
    expect(await getDraft(draft.id)).toEqual(draft);
    expect(await getDraft(submitted.id)).toEqual(submitted);
    expect((await listDrafts()).map((d) => d.id).sort()).toEqual([draft.id, submitted.id].sort());
  });

  it('keeps each attachment with its bytes', async () => {
    const [stored, ...rest] = await listAttachments(draft.id);
    expect(rest).toEqual([]);
    const { blob, ...meta } = stored!;
    expect(meta).toEqual(attachment);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(attachmentBytes);
  });

  it('keeps the request waiting in the outbox, sealed, with its attempts', async () => {
    expect(await getOutboxRecord(outbox.id)).toEqual(outbox);
    expect(await listOutbox()).toEqual([outbox]);
  });

  it('gains an empty statuses store that takes a followed request', async () => {
    expect(await listStatuses()).toEqual([]);
    const link = { id: submitted.id, secret: 'aSecretOfTwentyTwoPlus_chars' };
    await followLink(link, 1_764_800_000_000);
    expect(await listStatuses()).toEqual([{ ...link, localId: expect.any(String), addedAt: 1_764_800_000_000 }]);
    expect(await getOutboxRecord(outbox.id)).toEqual(outbox);
  });

  it('keeps the event this device serves', async () => {
    expect(await kvGet('event.current')).toBe(event.id);
    expect(await currentEvent()).toEqual(event);
  });
});
