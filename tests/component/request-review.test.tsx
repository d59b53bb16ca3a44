import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/preact';
import { ReviewStep } from '../../src/requests/steps/ReviewStep';
import { renderStep, validForm, DRAFT_ID } from './request-harness';
import { expectShown } from './shown';

describe('Review step', () => {
  it('shows every part with a Change link back to its step', () => {
    const form = validForm();
    form.case.whatHappened = '<script>alert(1)</script>\nSecond line';
    const { container } = renderStep(<ReviewStep files={[]} changeHref={(s) => `/requests/${DRAFT_ID}/${s}?return=review`} />, { form });
    for (const [title, step] of [
      ['About you', 'about-you'],
      ['Your case', 'case'],
      ['What you tried with USCIS', 'contacts'],
      ['Documents', 'documents'],
      ['Consent and signature', 'consent'],
    ] as const) {
      const section = screen.getByRole('region', { name: title });
      expect(within(section).getByRole('link', { name: `Change ${title}` }).getAttribute('href')).toBe(`/requests/${DRAFT_ID}/${step}?return=review`);
    }
    expect(screen.queryByRole('region', { name: 'About you, the helper' })).toBeNull();
    // Normalized forms where the answer is valid, words where it is a choice.
    expectShown(screen.getByText('A012-345-678'));
    expect(screen.getAllByText('Mexico').length).toBeGreaterThan(0);
    expectShown(screen.getByText('The case is taking longer than the USCIS normal processing time'));
    expectShown(screen.getByText(/Called the USCIS Contact Center/));
    expectShown(screen.getByText('Typed name: Ana García'));
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('shows the helper’s part in volunteer mode, and no links when read-only', () => {
    const form = validForm();
    form.filler = 'helper';
    form.submitter = { relationship: 'faith_volunteer', relationshipOther: '', name: 'Lee Wong', organization: 'St. Mary', phone: '', email: 'lee@example.org', g28OnFile: false };
    renderStep(<ReviewStep files={[]} />, { form });
    expectShown(screen.getByRole('region', { name: 'About the person who needs help' }));
    const helper = screen.getByRole('region', { name: 'About you, the helper' });
    expectShown(within(helper).getByText('Volunteer at a faith-based organization'));
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('marks the parts that need a fix', () => {
    const form = validForm();
    form.person.familyName = '';
    renderStep(<ReviewStep files={[]} problems={new Map([['about-you', 1]])} />, { form });
    expectShown(within(screen.getByRole('region', { name: 'About you' })).getByText('1 answer here needs a fix.'));
  });

  it('shows a company’s rows, and no person’s birth details', () => {
    const form = validForm();
    form.person = { ...form.person, kind: 'company', businessName: 'Acme Tools LLC', contactName: 'Dana Lee', contactTitle: 'HR manager' };
    renderStep(<ReviewStep files={[]} />, { form });
    const about = screen.getByRole('region', { name: 'About you' });
    expectShown(within(about).getByText('A company or organization'));
    expectShown(within(about).getByText('Acme Tools LLC'));
    expectShown(within(about).getByText('Dana Lee'));
    expectShown(within(about).getByText('HR manager'));
    expect(within(about).queryByText('Date of birth')).toBeNull();
    expect(within(about).queryByText('A012-345-678')).toBeNull();
  });
});
