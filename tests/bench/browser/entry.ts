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
import { resolveApiBase } from '../../../src/outbox/api-base';
import { currentSealingKey, SUBMIT_KEY_REUSE_MS } from '../../../src/outbox/sealing-key';
import { sealRequest } from '../../../src/outbox/seal-request';
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

/** Where the time of queueing went, in ms summed over all requests. */
export interface QueuePhases {
  /** createDraft: the draft record the form autosaves into. */
  createDraft: number;
  /** toWireInput + validateRequest: the form becoming the wire request. */
  validate: number;
  /** markSubmitted: the draft locked with the request beside it. */
  markSubmitted: number;
  /** submitDraft: read back, validate again, server key (network, cached), seal, one transaction. */
  submitDraft: number;
}

/**
 * Queues `count` full requests the way the form's Submit does (draft →
 * markSubmitted with the validated request → submitDraft: validate, fetch
 * the server key, seal, one transaction), without starting delivery, so
 * the bench can time "Send now" on a full outbox. Answers the ids and
 * where the time went.
 */
export async function queueRequests(count: number, locale = 'vi'): Promise<{ ids: string[]; phases: QueuePhases }> {
  const ids: string[] = [];
  const phases: QueuePhases = { createDraft: 0, validate: 0, markSubmitted: 0, submitDraft: 0 };
  let t = performance.now();
  const lap = (phase: keyof QueuePhases) => {
    const now = performance.now();
    phases[phase] += now - t;
    t = now;
  };
  for (let i = 0; i < count; i++) {
    const form = formOf(i);
    t = performance.now();
    const draft = await createDraft({ data: form, step: 'review' });
    lap('createDraft');
    const input = toWireInput(form, { id: draft.id, locale, createdAt: draft.createdAt, submittedAt: Date.now(), attachments: [] });
    const checked = validateRequest(input, deviceToday());
    if (!checked.ok) throw new Error(`bench request is not valid: ${JSON.stringify(checked.issues.slice(0, 3))}`);
    lap('validate');
    await markSubmitted(draft.id, checked.value);
    lap('markSubmitted');
    const result = await submitDraft(draft.id, { deliver: false });
    lap('submitDraft');
    if (result.needsSeal) throw new Error('no server key: the request was queued unsealed');
    ids.push(draft.id);
  }
  return { ids, phases };
}

/**
 * The two costly steps inside submitDraft, timed alone `count` times on
 * one request: getting the server key as a submit does (the IndexedDB copy
 * when it is recent, else a request to /api/v1/keys) and sealing (ECDH
 * P-256 + HKDF + AES-GCM).
 */
export async function submitParts(count: number): Promise<{ keyMs: number; sealMs: number }> {
  const apiBase = await resolveApiBase();
  const form = formOf(0);
  const id = crypto.randomUUID();
  const input = toWireInput(form, { id, locale: 'vi', createdAt: Date.now(), submittedAt: Date.now(), attachments: [] });
  let keyMs = 0;
  let sealMs = 0;
  for (let i = 0; i < count; i++) {
    let t0 = performance.now();
    const key = await currentSealingKey({ apiBase, reuseWithinMs: SUBMIT_KEY_REUSE_MS });
    keyMs += performance.now() - t0;
    if (!key) throw new Error('no server key');
    t0 = performance.now();
    await sealRequest(id, input, [], key);
    sealMs += performance.now() - t0;
  }
  return { keyMs, sealMs };
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
