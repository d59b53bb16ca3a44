/**
 * The draft behind an open request form: loads it (after any editor that
 * just closed on it has written), keeps every change saved through the
 * autosaver, and answers what another tab did to it. "Next person" on a
 * shared tablet forgets the answers at once.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { onSessionEnd, ownsDraft } from '../event-mode/session';
import { getDraft, recoverRescuedDrafts } from '../storage/drafts';
import type { DraftRecord } from '../storage/types';
import { createAutosaver, type Autosaver, type ExternalChange, type SaveStatus } from './autosave';
import { emptyForm, normalizeForm, type RequestForm, type StepId } from './form-model';
import { setAt } from './paths';

/**
 * Saves still being written by editors that just closed, by draft id. An
 * editor opening the same draft waits for them, so it never loads a copy
 * older than what the person just typed.
 */
const closing = new Map<string, Promise<void>>();

/** Resolves once an editor that just closed on this draft has written it (the print view reads after it). */
export function editorClosed(id: string): Promise<void> {
  return closing.get(id) ?? Promise.resolve();
}

export type DraftLoad = { state: 'loading' } | { state: 'missing' } | { state: 'error' } | { state: 'ready'; record: DraftRecord };

export interface DraftSession {
  load: DraftLoad;
  form: RequestForm;
  /** The newest form, ahead of the render that shows it. */
  formRef: RefObject<RequestForm>;
  /** The step a change is saved with; the step navigation keeps it current. */
  stepRef: RefObject<StepId>;
  status: SaveStatus;
  external: ExternalChange | null;
  set: (path: string, value: unknown) => void;
  /** Saves the current form with this step. */
  saveStep: (step: StepId) => void;
  /** Writes what is pending now; true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** The autosaver while the draft is open for editing. */
  saver: () => Autosaver<RequestForm> | null;
  /** Stops saving (the draft was handed to the outbox). */
  release: () => Promise<void>;
  /** Reads the stored record again; a draft that is gone shows as missing unless `keepIfGone`. */
  refresh: (options?: { keepIfGone?: boolean }) => Promise<void>;
  loadNewer: () => Promise<void>;
  keepMine: () => void;
  restoreDeleted: () => void;
  dismissExternal: () => void;
}

export function useDraftSession(id: string): DraftSession {
  const [load, setLoad] = useState<DraftLoad>({ state: 'loading' });
  const [form, setForm] = useState<RequestForm>(emptyForm);
  const formRef = useRef(form);
  const stepRef = useRef<StepId>('about-you');
  const saverRef = useRef<Autosaver<RequestForm> | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [external, setExternal] = useState<ExternalChange | null>(null);

  const show = useCallback((next: RequestForm) => {
    formRef.current = next;
    setForm(next);
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      await closing.get(id);
      // A copy saved as a page was left last time comes back first.
      await recoverRescuedDrafts().catch(() => []);
      const record = await getDraft(id);
      if (!live) return;
      // On a shared tablet another person's draft is as good as not there.
      if (!record || !ownsDraft(record)) return setLoad({ state: 'missing' });
      show(normalizeForm(record.data));
      setLoad({ state: 'ready', record });
      if (record.status === 'editing') {
        const saver = createAutosaver<RequestForm>({
          id: record.id,
          baseUpdatedAt: record.updatedAt,
          known: { createdAt: record.createdAt, ...(record.sessionId !== undefined ? { sessionId: record.sessionId } : {}) },
          onExternalChange: (change) => live && setExternal(change),
        });
        saverRef.current = saver;
        saver.subscribe((s) => live && setStatus(s));
        setStatus({ state: 'saved', at: record.updatedAt });
      }
    })().catch(() => live && setLoad({ state: 'error' }));
    // "Next person": forget this person's answers at once. Whatever the
    // saver still holds is written to (or refused by) a draft the wipe removes.
    const stopSession = onSessionEnd(() => {
      live = false;
      const saver = saverRef.current;
      saverRef.current = null;
      void saver?.dispose();
      show(emptyForm());
      setLoad({ state: 'missing' });
    });
    return () => {
      stopSession();
      live = false;
      const saver = saverRef.current;
      saverRef.current = null;
      if (saver) {
        const done = saver.dispose().finally(() => closing.delete(id));
        closing.set(id, done);
      }
    };
  }, [id, show]);

  const set = useCallback((path: string, value: unknown) => {
    const next = setAt(formRef.current, path, value);
    show(next);
    saverRef.current?.update(next, stepRef.current);
  }, [show]);

  return {
    load,
    form,
    formRef,
    stepRef,
    status,
    external,
    set,
    saveStep: (step) => saverRef.current?.update(formRef.current, step),
    flush: () => saverRef.current?.flush() ?? Promise.resolve(true),
    saver: () => saverRef.current,
    release: async () => {
      const saver = saverRef.current;
      saverRef.current = null;
      await saver?.dispose();
    },
    refresh: async (options) => {
      const after = await getDraft(id).catch(() => undefined);
      if (after) setLoad({ state: 'ready', record: after });
      else if (!options?.keepIfGone) setLoad({ state: 'missing' });
    },
    loadNewer: async () => {
      const newer = await getDraft(id);
      if (!newer) return;
      show(normalizeForm(newer.data));
      saverRef.current?.rebase(newer.updatedAt);
      setExternal(null);
    },
    keepMine: () => {
      setExternal(null);
      saverRef.current?.update(formRef.current, stepRef.current);
    },
    restoreDeleted: () => {
      setExternal(null);
      void saverRef.current?.restore(formRef.current, stepRef.current);
    },
    dismissExternal: () => setExternal(null),
  };
}
