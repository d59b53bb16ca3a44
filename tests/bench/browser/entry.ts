/**
 * The app's own storage and outbox modules, bundled for the bench (see
 * ../bundle.ts) and evaluated in a page of the app's origin, so the bench
 * drives the real code against Chromium's real IndexedDB (`ombuds`) without
 * any test-only hook in the production build.
 */
import { getDb } from '../../../src/storage/db';
import { createDraft, deleteDraft, markSubmitted } from '../../../src/storage/drafts';
import { createAutosaver } from '../../../src/requests/autosave';
import { submitDraft } from '../../../src/outbox/submit';
import { sendNow } from '../../../src/outbox/triggers';
import { normalizeForm, type RequestForm } from '../../../src/requests/form-model';
import { toWireInput } from '../../../src/requests/form-wire';
import { validateRequest } from '../../../src/shared/request-schema';
import { deviceToday } from '../../../src/shared/fields';
import { fullForm } from '../fixtures';
import type { DraftRecord } from '../../../src/storage/types';

/** The form exactly as the request editor holds and autosaves it. */
const formOf = (variant: number): RequestForm => normalizeForm(fullForm(variant, deviceToday()));

export interface StorageRound {
  autosaveMs: number[];
  rawPutMs: number[];
  /** Bytes of one saved form, as JSON. */
  formBytes: number;
}

/**
 * `count` autosaves through the editor's autosaver (update, then flush: the
 * write the pause would trigger, without waiting the pause) interleaved
 * with `count` plain idb puts of the same record shape into the same store
 * on the same connection. Each write gets a new version of the form (one
 * field changed, same size), as typing produces.
 */
export async function storageRound(count: number): Promise<StorageRound> {
  const forms = Array.from({ length: count }, (_, i) => formOf(i + 1));
  const draft = await createDraft({ data: formOf(0), step: 'case' });
  const saver = createAutosaver<RequestForm>({ id: draft.id, baseUpdatedAt: draft.updatedAt });
  const db = await getDb();
  const rawId = crypto.randomUUID();
  const autosaveMs: number[] = [];
  const rawPutMs: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const form = forms[i]!;
      let t0 = performance.now();
      saver.update(form, 'case');
      const saved = await saver.flush();
      autosaveMs.push(performance.now() - t0);
      if (!saved) throw new Error(`autosave ${i} did not save: ${JSON.stringify(saver.status())}`);

      const now = Date.now();
      const record: DraftRecord = {
        id: rawId,
        createdAt: draft.createdAt,
        updatedAt: now,
        schemaVersion: draft.schemaVersion,
        data: form,
        step: 'case',
        status: 'editing',
      };
      t0 = performance.now();
      await db.put('drafts', record);
      rawPutMs.push(performance.now() - t0);
    }
  } finally {
    await saver.dispose();
    await deleteDraft(draft.id);
    await deleteDraft(rawId);
  }
  return { autosaveMs, rawPutMs, formBytes: new TextEncoder().encode(JSON.stringify(forms[0])).length };
}

/**
 * Queues `count` full requests the way the form's Submit does (draft →
 * markSubmitted with the validated request → submitDraft: validate, fetch
 * the server key, seal, one transaction), without starting delivery, so
 * the bench can time "Send now" on a full outbox.
 */
export async function queueRequests(count: number, locale = 'vi'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const form = formOf(i);
    const draft = await createDraft({ data: form, step: 'review' });
    const input = toWireInput(form, { id: draft.id, locale, createdAt: draft.createdAt, submittedAt: Date.now(), attachments: [] });
    const checked = validateRequest(input, deviceToday());
    if (!checked.ok) throw new Error(`bench request is not valid: ${JSON.stringify(checked.issues.slice(0, 3))}`);
    await markSubmitted(draft.id, checked.value);
    const result = await submitDraft(draft.id, { deliver: false });
    if (result.needsSeal) throw new Error('no server key: the request was queued unsealed');
    ids.push(draft.id);
  }
  return ids;
}

/**
 * The app's "Send now" (src/outbox/triggers.ts sendNow → flush), called
 * directly: used only while no screen of the app shows the button.
 */
export async function sendNowTimed(): Promise<{ ms: number; delivered: number; waiting: number; needsAttention: number }> {
  const t0 = performance.now();
  const summary = await sendNow();
  return { ms: performance.now() - t0, delivered: summary.delivered, waiting: summary.waiting, needsAttention: summary.needsAttention };
}

/** How many outbox records are in each state. */
export async function outboxStates(): Promise<Record<string, number>> {
  const db = await getDb();
  const out: Record<string, number> = {};
  for (const r of await db.getAll('outbox')) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

/**
 * Bytes the database holds for everything stored: per store, records as
 * JSON (strings as UTF-8) plus the bytes of every Blob inside them.
 */
export async function storedBytes(): Promise<Record<string, number>> {
  const db = await getDb();
  const out: Record<string, number> = {};
  const sizeOf = (value: unknown): number => {
    let blobs = 0;
    const json = JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Blob) {
        blobs += v.size;
        return null;
      }
      if (v instanceof ArrayBuffer) {
        blobs += v.byteLength;
        return null;
      }
      if (ArrayBuffer.isView(v)) {
        blobs += v.byteLength;
        return null;
      }
      return v;
    });
    return new TextEncoder().encode(json ?? '').length + blobs;
  };
  for (const store of ['drafts', 'attachments', 'outbox', 'kv', 'events'] as const) {
    let n = 0;
    for (const r of await db.getAll(store)) n += sizeOf(r);
    out[store] = n;
  }
  return out;
}
