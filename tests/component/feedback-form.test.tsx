/**
 * The "Questions and feedback" form: an empty form is refused with a clear
 * message and nothing typed is lost (a reload keeps it); anonymous unless
 * the person ticks "I want an answer", and then an answer needs somewhere
 * to go; a sent form is in the outbox and says so.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { closeDb, getDb } from '../../src/storage/db';
import { KV_FEEDBACK_OPEN } from '../../src/storage/feedback-drafts';
import { listOutbox } from '../../src/outbox/outbox-store';
import { readFeedbackCopy } from '../../src/outbox/feedback-store';
import { endSession, setEventModeFlag } from '../../src/event-mode/session';
import { renderWithI18n } from './render-with-app';

vi.mock('../../src/outbox/triggers', () => ({ sendNow: vi.fn(), hasBackgroundSync: () => false, requestDelivery: vi.fn() }));
vi.mock('../../src/outbox/api-base', () => ({ resolveApiBase: async () => '/api/v1' }));
// No server key known (a first visit offline): the plaintext waits in the outbox's copy, which the test reads.
vi.mock('../../src/outbox/sealing-key', () => ({ currentSealingKey: async () => undefined, SUBMIT_KEY_REUSE_MS: 600_000 }));

const { default: FeedbackView } = await import('../../src/feedback/FeedbackView');
const { OutboxStatus } = await import('../../src/requests/OutboxStatus');

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
  setEventModeFlag(false);
  endSession();
});
afterEach(() => closeDb());

const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send' }));
const type = (label: string, text: string) => fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
const savedDraft = async () => (await getDb()).get('kv', KV_FEEDBACK_OPEN) as Promise<{ comments?: string } | undefined>;

describe('the feedback form', () => {
  it('refuses an empty form with a clear message, and keeps what is typed across a reload', async () => {
    const first = renderWithI18n(<FeedbackView />, { path: '/feedback' });
    await screen.findByLabelText('Your comments');
    send();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The form is empty. Choose an answer or write something, then send.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(await listOutbox()).toEqual([]);

    type('Your comments', 'The interpreter was great.');
    fireEvent.blur(screen.getByLabelText('Your comments'));
    await waitFor(async () => expect((await savedDraft())?.comments).toBe('The interpreter was great.'));
    first.unmount();
    renderWithI18n(<FeedbackView />, { path: '/feedback' });
    expect(((await screen.findByLabelText('Your comments')) as HTMLTextAreaElement).value).toBe('The interpreter was great.');
  });

  it('says in Arabic that an empty form cannot go', async () => {
    renderWithI18n(<FeedbackView />, { locale: 'ar', path: '/feedback' });
    await screen.findByLabelText('تعليقاتك');
    fireEvent.click(screen.getByRole('button', { name: 'إرسال' }));
    expect((await screen.findByRole('alert')).textContent).toBe('النموذج فارغ. اختر إجابة أو اكتب شيئًا، ثم أرسل.');
  });

  it('sends anonymously unless "I want an answer" is ticked; then it asks where to answer, and the outbox shows it', async () => {
    const view = renderWithI18n(<FeedbackView />, { path: '/feedback' });
    await screen.findByLabelText('Your comments');
    expect(screen.getByText('Not ticked: your feedback is anonymous. No name or contact is sent.')).toBeTruthy();
    expect(screen.queryByLabelText('E-mail address')).toBeNull();
    fireEvent.click(screen.getByLabelText('4'));
    fireEvent.click(screen.getByLabelText('A faith group'));
    type('Your comments', 'Clear and useful.');
    send();
    expect(await screen.findByText('Thank you. Your feedback is in the outbox and goes to the office when there is a connection.')).toBeTruthy();
    const [anonymous] = await listOutbox();
    expect(anonymous).toMatchObject({ state: 'waiting', feedback: true, needsSeal: true });
    const copy = await readFeedbackCopy(anonymous!.id);
    expect(copy).toMatchObject({ satisfaction: 4, answers: { heard_from: 'faith_group' }, comments: 'Clear and useful.', locale: 'en' });
    expect(copy).not.toHaveProperty('contact');
    expect(copy).not.toHaveProperty('eventId');
    view.unmount();

    // A new form: the person wants an answer.
    renderWithI18n(<FeedbackView />, { path: '/feedback' });
    expect(((await screen.findByLabelText('Your comments')) as HTMLTextAreaElement).value).toBe('');
    type('Your questions', 'How long does a case take?');
    fireEvent.click(screen.getByLabelText('I want an answer'));
    expect(screen.getByText('Your contact details are used only to answer you.')).toBeTruthy();
    type('Name (optional)', 'Ana');
    send();
    expect((await screen.findByRole('alert')).textContent).toBe('To get an answer, give an e-mail or a phone number, or untick “I want an answer”.');
    expect(screen.getByLabelText('E-mail address').getAttribute('aria-invalid')).toBe('true');
    type('E-mail address', 'ana@example');
    send();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This e-mail address does not look right/));
    type('E-mail address', 'ana@example.com');
    send();
    await screen.findByText('Thank you. Your feedback is in the outbox and goes to the office when there is a connection.');
    const withContact = (await listOutbox()).find((r) => r.id !== anonymous!.id)!;
    expect((await readFeedbackCopy(withContact.id))?.contact).toEqual({ name: 'Ana', email: 'ana@example.com' });

    renderWithI18n(<OutboxStatus />, { path: '/requests' });
    expect(await screen.findAllByText('Your questions and feedback')).toHaveLength(2);
    expect(screen.getAllByText('Ready to send — not sent yet')).toHaveLength(2);
  });
});
