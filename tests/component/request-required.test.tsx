/**
 * Required fields say so from the start, on screen and to screen readers,
 * not only once a first error shows.
 */
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/preact';
import { AboutYouStep } from '../../src/requests/steps/AboutYouStep';
import { CaseStep } from '../../src/requests/steps/CaseStep';
import { ConsentStep } from '../../src/requests/steps/ConsentStep';
import { renderStep } from './request-harness';

/** What a screen reader reads after the name: the text of every id in aria-describedby. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('required fields', () => {
  it('are marked "(required)" and aria-required before any error, and optional ones are not', () => {
    const { container } = renderStep(<AboutYouStep />);
    expect(container.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    const family = screen.getByLabelText('Family name (last name)');
    expect(family.getAttribute('aria-required')).toBe('true');
    const mark = document.getElementById(`${family.id}-required`)!;
    // On screen (screen readers hear aria-required instead, so not twice).
    expect(mark.closest('[hidden]')).toBeNull();
    expect(mark.textContent).toBe('(required)');
    expect(mark.getAttribute('aria-hidden')).toBe('true');
    for (const label of ['Date of birth', 'Country of birth', 'Street address', 'City or town', 'State', 'ZIP code']) {
      expect(screen.getByLabelText(label).getAttribute('aria-required'), label).toBe('true');
    }
    for (const label of ['Middle name', 'A-number (Alien Registration Number)', 'Phone number', 'Apartment, suite or unit']) {
      expect(screen.getByLabelText(label).getAttribute('aria-required'), label).toBeNull();
      expect(document.getElementById(`${screen.getByLabelText(label).id}-required`), label).toBeNull();
    }
    // A group cannot be aria-required: its description says it.
    expect(description(screen.getByRole('group', { name: 'Who is filling in this form?' }))).toContain('(required)');
  });

  it('marks the case’s lists and choices, and the first form number only', () => {
    renderStep(<CaseStep />);
    expect(description(screen.getByRole('group', { name: 'What kind of problem is it?' }))).toContain('(required)');
    expect(description(screen.getByRole('group', { name: 'Form numbers' }))).toContain('(required)');
    expect(screen.getByLabelText('Form numbers 1').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Receipt numbers 1').getAttribute('aria-required')).toBeNull();
  });

  it('marks the consent and the signature', () => {
    renderStep(<ConsentStep />);
    expect(screen.getByLabelText(/I agree that the CIS Ombudsman may share my information/).getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Type your full name').getAttribute('aria-required')).toBe('true');
  });

  it('says "(required)" in the person’s language', () => {
    renderStep(<AboutYouStep />, { locale: 'es' });
    expect(document.querySelector('.field__required')?.textContent).toBe('(obligatorio)');
  });
});
