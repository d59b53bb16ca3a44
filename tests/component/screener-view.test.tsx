/**
 * The screener screen with the real rules and English messages: a path to
 * each kind of result, Back and Start over, a refused answer that keeps the
 * others, "Change" from the summary, the hand-over to a request, and the
 * answers forgotten at the end of an event session.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { SCREENER_PREFILL_KEY } from '../../src/screener/to-request';
import { endSession } from '../../src/event-mode/session';
import { PUBLISHED_FACTS } from '../../src/facts/fact-book';
import type { FactId } from '../../src/facts/contacts';

const factHref = (id: FactId) => PUBLISHED_FACTS.href(id);
const formatFact = (id: FactId) => PUBLISHED_FACTS.text(id);
import { answer, appText, back, expectOutcome, expectQuestion, heading, next, pick, reasonsOf, renderScreener, t, tick, toProblems, typeDate } from './screener-harness';
import { expectShown } from './shown';

describe('the screener, one question per screen', () => {
  it('asks inside a fieldset whose legend is the question, with help and progress', () => {
    renderScreener();
    const group = screen.getByRole('group', { name: t('screener.q.about.title') });
    expect(group.tagName).toBe('FIELDSET');
    expect(group.querySelector('legend h2')?.textContent).toBe(t('screener.q.about.title'));
    expectShown(screen.getByText(t('screener.view.progress', { number: 1 })));
    expectShown(screen.getByText(t('screener.q.about.help')));
    const uscis = screen.getByRole('radio', { name: t('screener.q.about.option.uscis') });
    expect(document.getElementById(uscis.getAttribute('aria-describedby')!)?.textContent).toBe(t('screener.q.about.option.uscis.help'));
    // Nothing to go back to, nothing to start over yet.
    expect(screen.queryByRole('button', { name: t('screener.view.back') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('screener.view.startOver') })).toBeNull();
    expect(document.title).toContain(appText('nav.screener'));
  });

  it('refuses an empty answer with a message beside the field', () => {
    renderScreener();
    next();
    const error = screen.getByText(t('screener.error.empty'));
    const uscis = screen.getByRole('radio', { name: t('screener.q.about.option.uscis') });
    expect(uscis.getAttribute('aria-invalid')).toBe('true');
    expect(uscis.getAttribute('aria-describedby')).toContain(error.closest('p')!.id);
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
    expectQuestion('screener.q.about.title');
  });

  it('moves focus to the next question’s heading and counts the questions', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    expectQuestion('screener.q.wants.title');
    expect(document.activeElement).toBe(heading());
    expectShown(screen.getByText(t('screener.view.progress', { number: 2 })));
  });
});

describe('a path to each kind of result', () => {
  it('go elsewhere: detention conditions → the Immigration Detention Ombudsman', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.detention');
    const article = expectOutcome('screener.outcome.detention.title');
    expect(article.dataset.kind).toBe('go-elsewhere');
    expect(document.activeElement).toBe(within(article).getByRole('heading', { level: 2 }));
    expectShown(within(article).getByText(t('screener.kind.goElsewhere')));
    expect(reasonsOf(article)).toEqual([t('screener.reason.detentionConditions')]);
    expectShown(within(article).getByRole('heading', { name: t('screener.view.referralsElsewhere') }));
    expectShown(within(article).getByRole('heading', { name: t('screener.referral.oido.name') }));
    const link = within(article).getByRole('link', { name: new RegExp(formatFact('oidoWebsite').replace(/[./]/g, '\\$&')) });
    expect(link.getAttribute('href')).toBe(factHref('oidoWebsite'));
    // Not for the Ombudsman: no request, no deadline notice.
    expect(screen.queryByRole('button', { name: t('screener.view.startRequest') })).toBeNull();
  });

  it('go elsewhere: a visa at a consulate → the State Department, with its web address', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.consulate');
    const article = expectOutcome('screener.outcome.consulate.title');
    expect(within(article).getByRole('link', { name: /travel\.state\.gov/ }).getAttribute('href')).toBe(factHref('stateDeptVisaUrl'));
  });

  it('cannot help: legal advice', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    answer('wants', 'screener.q.wants.option.legalAdvice');
    const article = expectOutcome('screener.outcome.legalAdvice.title');
    expect(article.dataset.kind).toBe('cannot-help');
    expectShown(within(article).getByText(t('screener.kind.cannotHelp')));
    expect(reasonsOf(article)).toEqual([t('screener.reason.noLegalAdvice')]);
    expectShown(within(article).getByText(t('screener.step.findLegalHelp')));
  });

  it('first try USCIS: a mistake USCIS was never told about', () => {
    renderScreener();
    toProblems(['mistake']);
    expectQuestion('screener.q.uscisContact.title');
    tick('screener.q.uscisContact.option.none');
    next();
    const article = expectOutcome('screener.outcome.firstTryUscis.title');
    expect(article.dataset.kind).toBe('first-try-uscis');
    expect(reasonsOf(article)).toContain(t('screener.reason.notContactedUscis'));
    expectShown(within(article).getByRole('heading', { name: t('screener.view.referralsFirstTryUscis') }));
    expect(within(article).getByRole('link', { name: formatFact('uscisContactCenterPhone') }).getAttribute('href')).toBe(factHref('uscisContactCenterPhone'));
    expectShown(within(article).getByText(t('screener.view.factTty')));
  });

  it('may help, urgent: an emergency with an expedite request USCIS has not answered', () => {
    renderScreener();
    toProblems(['emergency']);
    answer('expedite', 'screener.q.expedite.option.asked');
    const article = expectOutcome('screener.outcome.mayHelp.title');
    expect(article.dataset.kind).toBe('may-help');
    expect(article.className).toContain('screener-outcome--urgent');
    expectShown(within(article).getByText(t('screener.urgent')));
    expect(reasonsOf(article)).toEqual([t('screener.reason.emergency'), t('screener.reason.expediteRequested')]);
    // Asking the Ombudsman does not extend a deadline: said on every "may help".
    expect(within(article).getByRole('note').textContent).toContain(t('screener.notice.deadlines'));
    const checklist = within(article).getByRole('heading', { name: t('screener.view.checklist') }).nextElementSibling as HTMLElement;
    expectShown(within(checklist).getByText(t('screener.checklist.emergencyProof')));
    // Near the top (before the reasons) and again at the end, after everything to read.
    const starts = screen.getAllByRole('button', { name: t('screener.view.startRequest') });
    expect(starts).toHaveLength(2);
    const reasons = within(article).getByRole('heading', { name: t('screener.view.reasons') });
    expect(starts[0]!.compareDocumentPosition(reasons) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(starts[0]!.closest('header')).not.toBeNull();
    for (const start of starts) expect(start).toHaveProperty('disabled', false);
  });

  it('may help: past the posted processing time, with the date it was passed', () => {
    renderScreener();
    toProblems(['pastProcessingTime']);
    expectQuestion('screener.q.formType.title');
    pick('screener.q.formType.option.i485', { form: 'I-485' });
    next();
    expectQuestion('screener.q.receivedDate.title');
    typeDate('2025-06-12');
    next();
    expectQuestion('screener.q.postedTime.title');
    pick('screener.q.postedTime.months');
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.monthsInput')), { target: { value: '9' } });
    next();
    expectQuestion('screener.q.uscisContact.title');
    tick('screener.q.uscisContact.option.serviceRequest');
    next();
    expectQuestion('screener.q.lastContactDate.title');
    typeDate('2026-09-01');
    next();
    const article = expectOutcome('screener.outcome.mayHelp.title');
    expect(article.className).not.toContain('screener-outcome--urgent');
    expect(reasonsOf(article)).toEqual([t('screener.reason.processingDelayOutside'), t('screener.reason.contactedUscis')]);
    // 2025-06-12 + 9 months = 2026-03-12; outside from the day after.
    expectShown(within(article).getByText(t('screener.processing.outside', { date: 'March 13, 2026' })));
  });
  // "Not yet" has its own tests in screener-advice.test.tsx.
});

describe('moving around', () => {
  it('Back shows the previous answer; Next goes on through the answered questions; Start over forgets all', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    answer('wants', 'screener.q.wants.option.processingHelp');
    expectQuestion('screener.q.problems.title');
    back();
    expectQuestion('screener.q.wants.title');
    expect(document.activeElement).toBe(heading());
    expect((screen.getByRole('radio', { name: t('screener.q.wants.option.processingHelp') }) as HTMLInputElement).checked).toBe(true);
    back();
    expectQuestion('screener.q.about.title');
    expect((screen.getByRole('radio', { name: t('screener.q.about.option.uscis') }) as HTMLInputElement).checked).toBe(true);
    next();
    // Still reviewing: the next question shows its earlier answer.
    expectQuestion('screener.q.wants.title');
    expect((screen.getByRole('radio', { name: t('screener.q.wants.option.processingHelp') }) as HTMLInputElement).checked).toBe(true);
    next();
    expectQuestion('screener.q.problems.title');

    fireEvent.click(screen.getByRole('button', { name: t('screener.view.startOver') }));
    expectQuestion('screener.q.about.title');
    expect(document.activeElement).toBe(heading());
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it('a date in the future is refused beside the field; the other answers are kept', () => {
    renderScreener();
    toProblems(['pastProcessingTime']);
    pick('screener.q.formType.option.i485', { form: 'I-485' });
    next();
    typeDate('2027-01-01');
    next();
    expectQuestion('screener.q.receivedDate.title');
    const input = screen.getByLabelText(t('screener.view.dateLabel'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toContain(t('screener.error.dateInFuture'));
    expect(document.activeElement).toBe(input);
    back();
    expect((screen.getByRole('radio', { name: t('screener.q.formType.option.i485', { form: 'I-485' }) }) as HTMLInputElement).checked).toBe(true);
    back();
    expect((screen.getByRole('radio', { name: t('screener.q.receipt.option.have') }) as HTMLInputElement).checked).toBe(true);
  });

  it('a range typed the wrong way round marks both numbers', () => {
    renderScreener();
    toProblems(['pastProcessingTime']);
    pick('screener.q.formType.option.other');
    next();
    typeDate('2026-01-05');
    next();
    pick('screener.q.postedTime.range');
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.minInput')), { target: { value: '9' } });
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.maxInput')), { target: { value: '7' } });
    next();
    expectShown(screen.getByText(t('screener.error.rangeInverted')));
    expect(screen.getByLabelText(t('screener.q.postedTime.minInput')).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(t('screener.q.postedTime.maxInput')).getAttribute('aria-invalid')).toBe('true');
  });

  it('the summary lists the answers; Change opens that question and the result is worked out again', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    answer('wants', 'screener.q.wants.option.legalAdvice');
    expectOutcome('screener.outcome.legalAdvice.title');
    const summary = screen.getByRole('heading', { name: t('screener.view.answers') }).closest('section')!;
    expectShown(within(summary).getByText(t('screener.q.about.title')));
    expectShown(within(summary).getByText(t('screener.q.wants.option.legalAdvice')));

    fireEvent.click(within(summary).getByRole('button', { name: t('screener.view.changeLabel', { question: t('screener.q.wants.title') }) }));
    expectQuestion('screener.q.wants.title');
    expect(document.activeElement).toBe(heading());
    pick('screener.q.wants.option.overturn');
    next();
    answer('decisionError', 'screener.q.decisionError.option.no');
    expectOutcome('screener.outcome.decisionNoError.title');

    // Changing the first answer leads straight to the new result.
    fireEvent.click(screen.getByRole('button', { name: t('screener.view.changeLabel', { question: t('screener.q.about.title') }) }));
    pick('screener.q.about.option.border');
    next();
    const article = expectOutcome('screener.outcome.border.title');
    expect(within(article).getByRole('link', { name: /cbp\.gov/ }).getAttribute('href')).toBe(factHref('cbpWebsite'));
    const rows = screen.getByRole('heading', { name: t('screener.view.answers') }).closest('section')!.querySelectorAll('dt');
    expect(rows.length).toBe(1);
  });

  it('offers a print of the result with the answers', () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderScreener();
    answer('about', 'screener.q.about.option.court');
    fireEvent.click(screen.getByRole('button', { name: t('screener.view.print') }));
    expect(print).toHaveBeenCalledOnce();
    expectShown(screen.getByText(t('screener.view.resultDate', { date: 'November 25, 2026' })));
    vi.unstubAllGlobals();
  });
});

describe('handing over to a request', () => {
  it('"Start a request" stores the prefill in sessionStorage and opens the new request', async () => {
    renderScreener();
    toProblems(['mistake', 'otherUnresolved']);
    expectQuestion('screener.q.uscisContact.title');
    tick('screener.q.uscisContact.option.contactCenter');
    next();
    expectQuestion('screener.q.lastContactDate.title');
    tick('screener.q.lastContactDate.unknown');
    expect((screen.getByLabelText(t('screener.view.dateLabel')) as HTMLInputElement).disabled).toBe(true);
    next();
    expectOutcome('screener.outcome.mayHelp.title');
    fireEvent.click(screen.getAllByRole('button', { name: t('screener.view.startRequest') })[0]!);
    await waitFor(() => expect(location.pathname).toBe('/requests/new'));
    const stored = JSON.parse(sessionStorage.getItem(SCREENER_PREFILL_KEY)!) as Record<string, unknown>;
    expect(stored).toMatchObject({
      outcomeKind: 'may-help',
      urgent: false,
      problemKinds: ['processing-mistake', 'other-unresolved'],
      priorContacts: ['contact-center'],
      receiptNotice: 'have',
    });
    expect(stored).not.toHaveProperty('lastContactDate');
    // Nothing else holds the answers: no localStorage, no URL.
    expect(localStorage.length).toBe(0);
    expect(location.search + location.hash).toBe('');
  });

  it('"Next person" (session end) forgets the answers and any prefill', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    sessionStorage.setItem(SCREENER_PREFILL_KEY, '{}');
    endSession();
    return waitFor(() => {
      expectQuestion('screener.q.about.title');
      expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
      expect(sessionStorage.getItem(SCREENER_PREFILL_KEY)).toBeNull();
    });
  });
});
