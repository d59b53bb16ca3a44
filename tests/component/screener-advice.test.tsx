/**
 * The advice rules as a person sees them: "not yet" is its own kind of
 * answer, never under "The Ombudsman cannot help with this"; a denial warns
 * first about the appeal deadline; a limit in law brings the day to come
 * back forward; a records request points to the FOIA office and OGIS.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { answer, expectOutcome, expectQuestion, next, pick, reasonsOf, renderScreener, t, toProblems, typeDate } from './screener-harness';
import { expectShown } from './shown';

describe('"not yet" is its own kind of answer', () => {
  it('a case inside the posted time says "not yet", never "cannot help", with the day to come back', () => {
    renderScreener();
    toProblems(['pastProcessingTime']);
    pick('screener.q.formType.option.other');
    next();
    typeDate('2026-06-12');
    next();
    pick('screener.q.postedTime.range');
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.minInput')), { target: { value: '7' } });
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.maxInput')), { target: { value: '9,5' } });
    next();
    const article = expectOutcome('screener.outcome.notYet.title');
    expect(article.dataset.kind).toBe('not-yet');
    expect(article.className).toContain('screener-outcome--not-yet');
    expectShown(within(article).getByText(t('screener.kind.notYet')));
    expect(within(article).queryByText(t('screener.kind.cannotHelp'))).toBeNull();
    expect(within(article).queryByRole('heading', { name: t('screener.view.referralsElsewhere') })).toBeNull();
    expectShown(within(article).getByText(/^Your case is still inside the posted processing time\. It will be outside it on March \d+, 2027\.$/));
  });

  it('naturalization inside the posted time but 100 days after the interview: come back on the day the limit in law passes', () => {
    renderScreener();
    toProblems(['pastProcessingTime']);
    pick('screener.q.formType.option.n400', { form: 'N-400' });
    next();
    expectQuestion('screener.q.interviewDate.title');
    typeDate('2026-08-17'); // 100 days before 2026-11-25
    next();
    expectQuestion('screener.q.receivedDate.title');
    typeDate('2026-05-01');
    next();
    pick('screener.q.postedTime.months');
    fireEvent.input(screen.getByLabelText(t('screener.q.postedTime.monthsInput')), { target: { value: '12' } });
    next();
    const article = expectOutcome('screener.outcome.notYet.title');
    expect(article.dataset.kind).toBe('not-yet');
    // 2026-08-17 + 121 days: the first day past the 120-day limit, before the posted time ends.
    expectShown(within(article).getByText(t('screener.comeBack.processing', { date: 'December 16, 2026' })));
  });
});

describe('a denial the person thinks is wrong', () => {
  it('warns first, before the summary, about the appeal or motion deadline', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    answer('wants', 'screener.q.wants.option.overturn');
    answer('decisionError', 'screener.q.decisionError.option.no');
    const article = expectOutcome('screener.outcome.decisionNoError.title');
    const warning = article.querySelector('[data-warning]') as HTMLElement;
    expect(warning.textContent).toBe(`${t('screener.view.deadline')} ${t('screener.notice.appealDeadline')}`);
    expect(warning.textContent).toContain('I-290B');
    expect(warning.textContent).toMatch(/30 days.*33 days/);
    const summary = within(article).getByText(t('screener.outcome.decisionNoError.summary'));
    expect(warning.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(article).getAllByRole('note')[0]).toBe(warning);
  });
});

describe('records', () => {
  it('a copy of one’s records goes to USCIS’s FOIA office, with OGIS for problems', () => {
    renderScreener();
    answer('about', 'screener.q.about.option.uscis');
    answer('wants', 'screener.q.wants.option.records');
    const article = expectOutcome('screener.outcome.records.title');
    expect(reasonsOf(article)).toEqual([t('screener.reason.recordsRequest')]);
    expectShown(within(article).getByText(t('screener.referral.uscisFoia.name')));
    expectShown(within(article).getByText(t('screener.referral.ogis.name')));
  });
});
