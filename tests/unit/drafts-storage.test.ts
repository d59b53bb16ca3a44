import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, closeDb, getDb, onDatabaseBlocked } from '../../src/storage/db';
import {
  DraftError,
  createDraft,
  deleteDraft,
  duplicateDraft,
  getDraft,
  listDrafts,
  markSubmitted,
  recoverRescuedDrafts,
  reopenDraft,
  rescueDraftSync,
  resetDraftsModule,
  saveDraft,
} from '../../src/storage/drafts';
import { ATTACHMENT_LIMITS, addAttachment, listAttachments, removeAttachment, sha256Hex } from '../../src/storage/attachments';
import { createAutosaver, classifySaveError, type ExternalChange, type SaveStatus } from '../../src/requests/autosave';
import { isIosNotStandalone, requestPersistence, resetPersistenceRequest, storageEstimate } from '../../src/storage/usage';
import { LIMITS } from '../../src/shared/request-schema';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  resetDraftsModule();
  resetPersistenceRequest();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
});

/** Waits until `check` passes, polling; never a fixed sleep. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const TRICKY = {
  person: { familyName: '  Ñúñez-O’Brien  ', givenName: '李 小龙', middleName: '' },
  case: {
    whatHappened: 'Line one\r\nLine two\n\n<script>alert("x")</script> & <b>bold</b> 🙂\u00a0end ',
    receiptNumbers: ['eac-21-900-12345', ''],
  },
  consent: { agreed: true, signatureKind: 'typed', typedName: 'Ana' },
};

function png(bytes = 100): Blob {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47]);
  return new Blob([data], { type: 'image/jpeg' });
}

describe('drafts', () => {
  it('saves and loads a draft word for word, with id, times and schema version', async () => {
    const created = await createDraft();
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.status).toBe('editing');
    const { record, conflict } = await saveDraft({ id: created.id, data: TRICKY, step: 'case', expectedUpdatedAt: created.updatedAt });
    expect(conflict).toBe(false);
    expect(record.updatedAt).toBeGreaterThan(created.updatedAt - 1);
    await closeDb();
    const loaded = await getDraft(created.id);
    expect(loaded?.data).toEqual(TRICKY);
    expect(loaded?.step).toBe('case');
    expect(loaded?.schemaVersion).toBe(1);
    expect(loaded?.createdAt).toBe(created.createdAt);
  });

  it('never moves updatedAt backwards, even when the clock does', async () => {
    const created = await createDraft();
    const now = vi.spyOn(Date, 'now').mockReturnValue(created.updatedAt - 60_000);
    const { record } = await saveDraft({ id: created.id, data: { a: 1 } });
    expect(record.updatedAt).toBe(created.updatedAt + 1);
    now.mockRestore();
  });

  it('lists drafts with the most recently saved first', async () => {
    const a = await createDraft();
    const b = await createDraft();
    const c = await createDraft();
    await saveDraft({ id: a.id, data: { n: 'a' } });
    await saveDraft({ id: c.id, data: { n: 'c' } });
    await saveDraft({ id: b.id, data: { n: 'b' } });
    const ids = (await listDrafts()).map((d) => d.id);
    expect(ids).toEqual([b.id, c.id, a.id]);
  });

  it('deletes a draft with its attachments in one go, leaving other drafts alone', async () => {
    const keep = await createDraft();
    const gone = await createDraft();
    expect((await addAttachment(keep.id, { name: 'a.jpg', type: 'image/jpeg', blob: png() })).ok).toBe(true);
    expect((await addAttachment(gone.id, { name: 'b.jpg', type: 'image/jpeg', blob: png() })).ok).toBe(true);
    expect((await addAttachment(gone.id, { name: 'c.pdf', type: 'application/pdf', blob: png(50) })).ok).toBe(true);
    await deleteDraft(gone.id);
    expect(await getDraft(gone.id)).toBeUndefined();
    expect(await listAttachments(gone.id)).toEqual([]);
    expect(await listAttachments(keep.id)).toHaveLength(1);
    expect(await getDraft(keep.id)).toBeDefined();
  });

  it('duplicates as a new request: new id, same answers and files, no consent or signature', async () => {
    const source = await createDraft();
    await saveDraft({ id: source.id, data: TRICKY, step: 'review' });
    await addAttachment(source.id, { name: 'notice.jpg', type: 'image/jpeg', blob: png(300) });
    await markSubmitted(source.id, { id: source.id });
    const copy = await duplicateDraft(source.id);
    expect(copy.id).not.toBe(source.id);
    expect(copy.status).toBe('editing');
    expect(copy.step).toBeUndefined();
    expect(copy.request).toBeUndefined();
    const { consent: _consent, ...rest } = TRICKY;
    expect(copy.data).toEqual(rest);
    const files = await listAttachments(copy.id);
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('notice.jpg');
    expect(files[0]!.sha256).toBe((await listAttachments(source.id))[0]!.sha256);
    expect(files[0]!.id).not.toBe((await listAttachments(source.id))[0]!.id);
    await expect(duplicateDraft('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(DraftError);
  });

  it('closes a submitted draft for editing and reopens it when asked', async () => {
    const draft = await createDraft();
    await markSubmitted(draft.id, { hello: 'wire' });
    await expect(saveDraft({ id: draft.id, data: {} })).rejects.toMatchObject({ code: 'submitted' });
    await expect(markSubmitted(draft.id, {})).rejects.toMatchObject({ code: 'submitted' });
    expect((await addAttachment(draft.id, { name: 'x.jpg', type: 'image/jpeg', blob: png() })).ok).toBe(false);
    const reopened = await reopenDraft(draft.id);
    expect(reopened?.status).toBe('editing');
    expect(reopened?.request).toBeUndefined();
    await expect(saveDraft({ id: draft.id, data: { again: true } })).resolves.toBeTruthy();
  });

  it('writes in the same turn as it reads when the editor knows the record, and still refuses a submitted draft', async () => {
    const draft = await createDraft({ sessionId: 'event-1' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const saving = saveDraft({ id: draft.id, data: { early: true }, step: 'case', expectedUpdatedAt: draft.updatedAt, known: { createdAt: draft.createdAt, sessionId: 'event-1' } });
    // The write was issued before the read could answer (what a page being left needs).
    await Promise.resolve();
    await Promise.resolve();
    expect(put).toHaveBeenCalledTimes(1);
    const { record, conflict } = await saving;
    expect(conflict).toBe(false);
    expect(put).toHaveBeenCalledTimes(1);
    expect(await getDraft(draft.id)).toEqual({ ...record, sessionId: 'event-1', createdAt: draft.createdAt, step: 'case', status: 'editing' });

    // Another tab saved meanwhile: the merged record goes over the early one, stamped later.
    const other = await saveDraft({ id: draft.id, data: { other: true } });
    const late = await saveDraft({ id: draft.id, data: { mine: true }, expectedUpdatedAt: record.updatedAt, known: { createdAt: draft.createdAt, sessionId: 'event-1' } });
    expect(late.conflict).toBe(true);
    expect(late.record.updatedAt).toBeGreaterThan(other.record.updatedAt);

    await markSubmitted(draft.id, { wire: true });
    await expect(
      saveDraft({ id: draft.id, data: { after: 'submit' }, expectedUpdatedAt: late.record.updatedAt, known: { createdAt: draft.createdAt } }),
    ).rejects.toMatchObject({ code: 'submitted' });
    expect(await getDraft(draft.id)).toMatchObject({ status: 'submitted', data: { mine: true }, request: { wire: true } });
  });

  it('asks the browser to keep its storage on the first save only', async () => {
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persist, persisted, estimate: async () => ({ usage: 1234, quota: 10_000 }) } });
    try {
      const draft = await createDraft();
      await saveDraft({ id: draft.id, data: {} });
      await saveDraft({ id: draft.id, data: { more: 1 } });
      await until(() => persist.mock.calls.length > 0);
      expect(persist).toHaveBeenCalledTimes(1);
      expect(await storageEstimate()).toEqual({ usage: 1234, quota: 10_000, persisted: false });
      expect(await requestPersistence()).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('leaving the page with unsaved changes', () => {
  it('writes the copy synchronously aside, and the next load folds it into the draft', async () => {
    const draft = await createDraft({ data: { text: 'saved' } });
    expect(rescueDraftSync({ id: draft.id, data: { text: 'typed just before leaving' }, step: 'case' })).toBe(true);
    // The draft itself is untouched until recovery checks it.
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'saved' });
    expect(await recoverRescuedDrafts()).toEqual([draft.id]);
    expect(await getDraft(draft.id)).toMatchObject({ data: { text: 'typed just before leaving' }, step: 'case', status: 'editing' });
    expect(await recoverRescuedDrafts()).toEqual([]);
  });

  it('drops the copy when the draft was saved later, submitted or deleted', async () => {
    const later = await createDraft();
    rescueDraftSync({ id: later.id, data: { old: true } });
    await saveDraft({ id: later.id, data: { newer: true } });
    const submitted = await createDraft();
    rescueDraftSync({ id: submitted.id, data: { sneaky: true } });
    await markSubmitted(submitted.id, { wire: 1 });
    const deleted = await createDraft();
    rescueDraftSync({ id: deleted.id, data: { ghost: true } });
    await deleteDraft(deleted.id);
    const ghost = await createDraft();
    rescueDraftSync({ id: ghost.id, data: { ghost: true } });
    // Deleted by someone else's code path (the outbox after delivery), not by deleteDraft.
    await (await getDb()).delete('drafts', ghost.id);

    expect(await recoverRescuedDrafts()).toEqual([]);
    expect((await getDraft(later.id))?.data).toEqual({ newer: true });
    expect(await getDraft(submitted.id)).toMatchObject({ status: 'submitted', request: { wire: 1 } });
    expect(await getDraft(deleted.id)).toBeUndefined();
    expect(await getDraft(ghost.id)).toBeUndefined();
    expect(await (await getDb()).getAllKeys('kv')).toEqual([]);
  });

  it('keeps the copy in localStorage where there is one, and the newest copy wins', async () => {
    const items = new Map<string, string>();
    const storage = {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      clear: () => items.clear(),
    };
    vi.stubGlobal('localStorage', storage);
    try {
      const draft = await createDraft({ data: { text: 'saved' } });
      await closeDb();
      // No connection needed: localStorage is written synchronously.
      expect(rescueDraftSync({ id: draft.id, data: { text: 'first' } })).toBe(true);
      expect(rescueDraftSync({ id: draft.id, data: { text: 'second' } })).toBe(true);
      expect([...items.keys()]).toEqual([`ombuds.draftRescue.${draft.id}`]);
      items.set('ombuds.draftRescue.garbage', '{not json');
      expect(await recoverRescuedDrafts()).toEqual([draft.id]);
      expect((await getDraft(draft.id))?.data).toEqual({ text: 'second' });
      expect(items.size).toBe(0);

      rescueDraftSync({ id: draft.id, data: { text: 'gone with the draft' } });
      await deleteDraft(draft.id);
      expect(items.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does nothing without an open connection', async () => {
    await closeDb();
    expect(rescueDraftSync({ id: 'x', data: {} })).toBe(false);
  });
});

describe('attachments', () => {
  it('keeps the same limits as the wire schema', () => {
    expect(ATTACHMENT_LIMITS.fileBytes).toBe(LIMITS.attachmentBytes);
    expect(ATTACHMENT_LIMITS.requestBytes).toBe(LIMITS.requestAttachmentBytes);
    expect(ATTACHMENT_LIMITS.count).toBe(LIMITS.attachments);
    expect(ATTACHMENT_LIMITS.nameLength).toBe(LIMITS.attachmentName);
  });

  it('stores the Blob with its SHA-256, lists in order, and removes', async () => {
    const draft = await createDraft();
    const blob = new Blob(['abc'], { type: 'application/pdf' });
    const added = await addAttachment(draft.id, { name: 'letter.pdf', type: 'application/pdf', blob });
    if (!added.ok) throw new Error(added.code);
    // SHA-256("abc")
    expect(added.record.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    await addAttachment(draft.id, { name: 'second.jpg', type: 'image/jpeg', blob: png() });
    await closeDb();
    const files = await listAttachments(draft.id);
    expect(files.map((f) => f.name)).toEqual(['letter.pdf', 'second.jpg']);
    expect(await files[0]!.blob.text()).toBe('abc');
    expect(await sha256Hex(files[0]!.blob)).toBe(files[0]!.sha256);
    expect(await removeAttachment(files[0]!.id)).toBe(true);
    expect((await listAttachments(draft.id)).map((f) => f.name)).toEqual(['second.jpg']);
  });

  it('refuses a file over the per-file limit and a request over the total', async () => {
    const draft = await createDraft();
    const big = { size: ATTACHMENT_LIMITS.fileBytes + 1 } as Blob;
    expect(await addAttachment(draft.id, { name: 'big.pdf', type: 'application/pdf', blob: big })).toEqual({ ok: false, code: 'file_too_large' });
    const nine = new Blob([new Uint8Array(9 * 1024 * 1024)], { type: 'application/pdf' });
    expect((await addAttachment(draft.id, { name: '1.pdf', type: 'application/pdf', blob: nine })).ok).toBe(true);
    expect((await addAttachment(draft.id, { name: '2.pdf', type: 'application/pdf', blob: nine })).ok).toBe(true);
    expect(await addAttachment(draft.id, { name: '3.pdf', type: 'application/pdf', blob: nine })).toEqual({ ok: false, code: 'request_too_large' });
    expect(await listAttachments(draft.id)).toHaveLength(2);
    expect(await addAttachment(draft.id, { name: 'e.pdf', type: 'application/pdf', blob: new Blob([]) })).toEqual({ ok: false, code: 'empty' });
  });
});

describe('database upgrade', () => {
  it('opens a version 1 database and keeps its drafts and files', async () => {
    // Version 1 exactly as it shipped: the same stores, no draft status.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
        drafts.createIndex('by-updated', 'updatedAt');
        const attachments = db.createObjectStore('attachments', { keyPath: 'id' });
        attachments.createIndex('by-draft', 'draftId');
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state', 'state');
        db.createObjectStore('kv');
        db.createObjectStore('events', { keyPath: 'id' });
      },
    });
    const id = '3b241101-e2bb-4255-8caf-4136c566a962';
    await v1.put('drafts', { id, createdAt: 1, updatedAt: 2, schemaVersion: 1, data: TRICKY, step: 'case' });
    await v1.put('attachments', { id: 'f1', draftId: id, name: 'a.jpg', type: 'image/jpeg', size: 3, blob: new Blob(['abc']), createdAt: 3 });
    v1.close();

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    const draft = await getDraft(id);
    expect(draft).toMatchObject({ id, data: TRICKY, step: 'case', status: 'editing', updatedAt: 2 });
    expect(await listAttachments(id)).toHaveLength(1);
    expect((await listDrafts()).map((d) => d.id)).toEqual([id]);
    await expect(saveDraft({ id, data: { after: 'upgrade' }, expectedUpdatedAt: 2 })).resolves.toMatchObject({ conflict: false });
  });

  it('waits for a tab that holds the old version, says so, and opens once it lets go', async () => {
    const old = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
        db.createObjectStore('attachments', { keyPath: 'id' }).createIndex('by-draft', 'draftId');
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-state', 'state');
        db.createObjectStore('kv');
        db.createObjectStore('events', { keyPath: 'id' });
      },
      // This "old tab" does not close when asked, as a stuck tab would not.
    });
    let blocked = 0;
    const stop = onDatabaseBlocked(() => blocked++);
    const opening = getDb();
    await until(() => blocked > 0);
    old.close();
    expect((await opening).version).toBe(DB_VERSION);
    stop();
  });
});

describe('two tabs', () => {
  it('reads one tab’s save from another connection', async () => {
    const draft = await createDraft();
    const other = await openDB(DB_NAME, DB_VERSION);
    await saveDraft({ id: draft.id, data: { from: 'tab A' } });
    expect((await other.get('drafts', draft.id))?.data).toEqual({ from: 'tab A' });
    other.close();
  });

  it('tells the other editor, and a save over a newer copy is reported, never silent', async () => {
    const draft = await createDraft();
    const seenByB: ExternalChange[] = [];
    const seenByA: ExternalChange[] = [];
    const a = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 1, guard: false, onExternalChange: (c) => seenByA.push(c) });
    const b = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 1, guard: false, onExternalChange: (c) => seenByB.push(c) });
    a.update({ text: 'A wrote this' });
    expect(await a.flush()).toBe(true);
    await until(() => seenByB.some((c) => c.kind === 'changed'));
    expect(seenByA).toEqual([]);
    // B did not reload: its save wins (last saved), and it is told it went over A's.
    b.update({ text: 'B wrote this' });
    expect(await b.flush()).toBe(true);
    expect(seenByB.some((c) => c.kind === 'overwrote')).toBe(true);
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'B wrote this' });
    await until(() => seenByA.some((c) => c.kind === 'changed'));
    // A takes B's copy: no conflict on its next save.
    const latest = (await getDraft(draft.id))!;
    a.rebase(latest.updatedAt);
    seenByA.length = 0;
    a.update({ text: 'A again' });
    await a.flush();
    expect(seenByA.some((c) => c.kind === 'overwrote')).toBe(false);
    await deleteDraft(draft.id);
    await until(() => seenByB.some((c) => c.kind === 'deleted'));
    await a.dispose();
    await b.dispose();
  });

  it('asks before writing a draft another tab deleted, and writes it again when told to', async () => {
    const draft = await createDraft();
    const saver = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 1, guard: false });
    await deleteDraft(draft.id);
    // Even a write issued before the read answers is rolled back.
    await expect(saveDraft({ id: draft.id, data: {}, known: { createdAt: draft.createdAt } })).rejects.toMatchObject({ code: 'missing' });
    expect(await getDraft(draft.id)).toBeUndefined();
    saver.update({ text: 'still typing' });
    expect(await saver.flush()).toBe(false);
    expect(saver.status()).toMatchObject({ state: 'error', code: 'missing', retryAt: null });
    expect(saver.pending()?.data).toEqual({ text: 'still typing' });
    expect(await saver.restore({ text: 'still typing' })).toBe(true);
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'still typing' });
    await saver.dispose();
  });
});

describe('autosave', () => {
  it('writes the first change at once, then the newest copy at most once per interval', async () => {
    const draft = await createDraft();
    const starts: number[] = [];
    const save = vi.fn((input: Parameters<typeof saveDraft>[0]) => {
      starts.push(performance.now());
      return saveDraft(input);
    });
    const saver = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 30, guard: false, save });
    for (let i = 0; i < 5; i++) saver.update({ n: i });
    expect(saver.status()).toEqual({ state: 'saving' });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].data).toEqual({ n: 0 });
    await until(() => saver.status().state === 'saved');
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0].data).toEqual({ n: 4 });
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(25);
    expect((await getDraft(draft.id))?.data).toEqual({ n: 4 });
    await saver.dispose();
  });

  it('writes while the person is still typing, not only after a pause', async () => {
    const draft = await createDraft();
    const saver = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 50, guard: false });
    let storedWhileTyping: unknown;
    for (let i = 1; i <= 20; i++) {
      saver.update({ text: 'x'.repeat(i) });
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (i === 20) storedWhileTyping = (await getDraft(draft.id))?.data;
    }
    // Keystrokes 20 ms apart never leave a pause, yet more than the first one is on disk.
    expect(storedWhileTyping).toMatchObject({ text: expect.stringMatching(/^xx+$/) });
    await until(() => saver.status().state === 'saved');
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'x'.repeat(20) });
    await saver.dispose();
  });

  it('on a quota error says so, keeps the copy in memory, retries and then saves', async () => {
    const draft = await createDraft();
    const statuses: SaveStatus[] = [];
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reset = vi.fn(closeDb);
    const saver = createAutosaver<object>({
      id: draft.id,
      baseUpdatedAt: draft.updatedAt,
      intervalMs: 1,
      guard: false,
      reset,
      retryDelay: () => 40,
    });
    saver.subscribe((s) => statuses.push(s));
    // The first change is written at once, and that write fails.
    saver.update({ text: 'keep me' });
    await until(() => saver.status().state === 'error');
    expect(saver.status()).toMatchObject({ state: 'error', code: 'quota', attempts: 1 });
    expect(saver.pending()?.data).toEqual({ text: 'keep me' });
    expect(reset).toHaveBeenCalled();
    expect((await getDraft(draft.id))?.data).toEqual({});
    // Typing goes on during the error: the newest copy is the one kept.
    saver.update({ text: 'keep me, and this' });
    expect(saver.status().state).toBe('error');
    await until(() => saver.status().state === 'saved');
    expect(saver.pending()).toBeNull();
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'keep me, and this' });
    expect(statuses.map((s) => s.state)).toContain('error');
    expect(put).toHaveBeenCalled();
    await saver.dispose();
  });

  it('keeps retrying after the editor closes until the write succeeds', async () => {
    const draft = await createDraft();
    let failures = 2;
    const save = vi.fn(async (input: Parameters<typeof saveDraft>[0]) => {
      if (failures-- > 0) throw new DOMException('aborted', 'AbortError');
      return saveDraft(input);
    });
    const saver = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 1, guard: false, save, retryDelay: () => 10, reset: async () => {} });
    saver.update({ text: 'left the screen' });
    await saver.dispose();
    await until(async () => (await getDraft(draft.id))?.data !== undefined && JSON.stringify((await getDraft(draft.id))?.data) === '{"text":"left the screen"}');
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('classifies storage failures and backs off', () => {
    expect(classifySaveError(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(classifySaveError(new DOMException('x', 'AbortError'))).toBe('aborted');
    expect(classifySaveError(new DOMException('x', 'InvalidStateError'))).toBe('closed');
    expect(classifySaveError(new DraftError('missing'))).toBe('missing');
    expect(classifySaveError(new Error('?'))).toBe('unknown');
  });

  it('waits a second, less at most a fifth, before retrying a failed write', async () => {
    const draft = await createDraft();
    let failing = true;
    const save = vi.fn(async (input: Parameters<typeof saveDraft>[0]) => {
      if (failing) throw new DOMException('aborted', 'AbortError');
      return saveDraft(input);
    });
    const saver = createAutosaver<object>({ id: draft.id, baseUpdatedAt: draft.updatedAt, intervalMs: 1, guard: false, save, random: () => 0, reset: async () => {} });
    const before = Date.now();
    saver.update({ text: 'x' });
    await until(() => {
      const s = saver.status();
      return s.state === 'error' && s.retryAt !== null;
    });
    const after = Date.now();
    const status = saver.status();
    if (status.state !== 'error' || status.retryAt === null) throw new Error('no retry planned');
    expect(status.retryAt).toBeGreaterThanOrEqual(before + 800);
    expect(status.retryAt).toBeLessThanOrEqual(after + 800);
    failing = false;
    await saver.dispose();
    expect((await getDraft(draft.id))?.data).toEqual({ text: 'x' });
  });
});

describe('storage status', () => {
  it('knows an iPhone browser tab from the Home Screen app', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
    const ipad = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    const notStandalone = { matchMedia: () => ({ matches: false }) };
    expect(isIosNotStandalone({ userAgent: iphone }, notStandalone)).toBe(true);
    expect(isIosNotStandalone({ userAgent: iphone, standalone: true }, notStandalone)).toBe(false);
    expect(isIosNotStandalone({ userAgent: iphone }, { matchMedia: () => ({ matches: true }) })).toBe(false);
    expect(isIosNotStandalone({ userAgent: ipad, maxTouchPoints: 5 }, notStandalone)).toBe(true);
    expect(isIosNotStandalone({ userAgent: ipad, maxTouchPoints: 0 }, notStandalone)).toBe(false);
    expect(isIosNotStandalone({ userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/126' }, notStandalone)).toBe(false);
  });

  it('answers null where the browser cannot say', async () => {
    expect(await storageEstimate(undefined)).toEqual({ usage: null, quota: null, persisted: null });
  });
});
