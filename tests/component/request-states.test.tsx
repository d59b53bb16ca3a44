/**
 * A finished request says exactly where it stands, on its own page and in
 * the list of drafts: ready to send (not sent yet), sending (not delivered
 * yet), delivered, or needing attention. Never "sent" while it is still
 * on the device.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/preact';
import RequestsView from '../../src/requests/RequestsView';
import { closeDb, getDb } from '../../src/storage/db';
import { createDraft, markSubmitted } from '../../src/storage/drafts';
import type { OutboxRecord } from '../../src/storage/outbox-record';
import { renderWithI18n } from './render-with-app';
import { validForm } from './request-harness';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDb());

type State = OutboxRecord['state'];

function recordFor(id: string, state: State): OutboxRecord {
  if (state === 'delivered') return { id, state, confirmation: 'K7Q-4M2-XP9', deliveredAt: '2025-05-03T12:00:00.000Z', formTypes: ['I-485'] };
  return {
    id,
    state,
    formTypes: ['I-485'],
    submittedAt: '2025-05-02T10:00:00.000Z',
    needsSeal: false,
    hasLocalCopy: false,
    attachments: [],
    attempts: 0,
    nextTryAt: 0,
    ...(state === 'needs-attention' ? { reasons: [{ code: 'other' }] } : {}),
  };
}

/** A submitted draft and its outbox record in the given state. */
async function submittedIn(state: State): Promise<string> {
  const draft = await createDraft({ data: validForm() });
  await markSubmitted(draft.id, { id: draft.id });
  await (await getDb()).put('outbox', recordFor(draft.id, state));
  return draft.id;
}

const EXPECTED: Record<State, { heading: string; detail: RegExp | null }> = {
  waiting: { heading: 'Ready to send — not sent yet', detail: /^The app sends it by itself when there is a connection\.$/ },
  sending: { heading: 'Sending — not delivered yet', detail: null },
  delivered: { heading: 'Delivered to the office', detail: /^Delivered on May 3, 2025\. Confirmation number: K7Q-4M2-XP9$/ },
  'needs-attention': { heading: 'Not delivered — needs attention', detail: /^The office could not accept this request\.$/ },
};

describe("a finished request's own page", () => {
  for (const state of Object.keys(EXPECTED) as State[]) {
    it(`says "${EXPECTED[state].heading}" when the outbox holds it as ${state}`, async () => {
      const id = await submittedIn(state);
      renderWithI18n(<RequestsView />, { path: `/requests/${id}` });
      await screen.findByRole('heading', { level: 1, name: EXPECTED[state].heading });
      const status = document.querySelector('.rq-submitted [role="status"]')!;
      if (EXPECTED[state].detail) expect(status.textContent).toMatch(EXPECTED[state].detail!);
      else expect(status.textContent).toBe('');
      if (state !== 'delivered') expect(document.body.textContent).not.toMatch(/Delivered|sent it|Everything is delivered/);
    });
  }

  it('claims no state while the outbox does not hold it', async () => {
    const draft = await createDraft({ data: validForm() });
    await markSubmitted(draft.id, { id: draft.id });
    renderWithI18n(<RequestsView />, { path: `/requests/${draft.id}` });
    await screen.findByRole('heading', { level: 1, name: 'Request' });
    expect(document.querySelector('.rq-submitted [role="status"]')!.textContent).toBe('');
  });
});

describe('the list of drafts', () => {
  it('tags each finished draft with where it stands in the outbox', async () => {
    const ids = {} as Record<State, string>;
    for (const state of Object.keys(EXPECTED) as State[]) ids[state] = await submittedIn(state);
    renderWithI18n(<RequestsView />, { path: '/requests' });
    await screen.findByText(EXPECTED.delivered.heading, { selector: '.drafts__list .tag' });
    for (const state of Object.keys(EXPECTED) as State[]) {
      const link = document.querySelector(`.drafts__list a[href="/requests/${ids[state]}"]`)!;
      expect(within(link.closest('li')!).getByText(EXPECTED[state].heading, { selector: '.tag' })).toBeTruthy();
    }
  });
});
