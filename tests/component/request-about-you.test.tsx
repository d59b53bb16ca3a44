import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { AboutYouStep } from '../../src/requests/steps/AboutYouStep';
import { emptyForm } from '../../src/requests/form-model';
import { renderStep, validForm } from './request-harness';
import { expectShown } from './shown';

describe('About you step', () => {
  it('asks who fills in the form and the person’s details, with labels and hints', () => {
    renderStep(<AboutYouStep />);
    const who = screen.getByRole('group', { name: 'Who is filling in this form?' });
    expectShown(within(who).getByLabelText('I am asking for help for myself'));
    expectShown(within(who).getByLabelText(/I am helping someone/));
    const family = screen.getByLabelText('Family name (last name)');
    expect(family.getAttribute('aria-describedby')).toContain('-hint');
    expect(screen.getByLabelText('Date of birth').getAttribute('type')).toBe('date');
    expect(screen.getByLabelText('Date of birth').getAttribute('max')).toBe('2025-06-01');
    expect(screen.getByLabelText('Country of birth').tagName).toBe('SELECT');
    expect(within(screen.getByLabelText('Country of birth')).getByRole('option', { name: 'Mexico' })).toHaveProperty('value', 'MX');
    expectShown(screen.getByLabelText('A-number (Alien Registration Number)'));
  });

  it('keeps what is typed exactly, markup included, and shows it as text', () => {
    const { form, container } = renderStep(<AboutYouStep />);
    const family = screen.getByLabelText('Family name (last name)') as HTMLInputElement;
    fireEvent.input(family, { target: { value: '<img src=x onerror=alert(1)> Ñúñez ' } });
    expect(form().person.familyName).toBe('<img src=x onerror=alert(1)> Ñúñez ');
    expect(family.value).toBe('<img src=x onerror=alert(1)> Ñúñez ');
    expect(container.querySelector('img')).toBeNull();
  });

  it('switches between a U.S. and a foreign address', () => {
    const { form } = renderStep(<AboutYouStep />);
    expectShown(screen.getByLabelText('ZIP code'));
    fireEvent.click(screen.getByLabelText('Address in another country'));
    expect(form().person.address.kind).toBe('foreign');
    expect(screen.queryByLabelText('ZIP code')).toBeNull();
    expectShown(screen.getByLabelText('Postal code'));
    // The U.S. is not offered for a foreign address.
    const country = screen.getByLabelText('Country') as HTMLSelectElement;
    expect([...country.options].some((o) => o.value === 'US')).toBe(false);
  });

  it('adds and removes other names, one input a row', () => {
    const { form } = renderStep(<AboutYouStep />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a name' }));
    fireEvent.input(screen.getByLabelText('Other names you have used 1'), { target: { value: 'Ana Pérez' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a name' }));
    expect(form().person.otherNames).toEqual(['Ana Pérez', '']);
    fireEvent.click(screen.getByRole('button', { name: /Remove Other names you have used 2/ }));
    expect(form().person.otherNames).toEqual(['Ana Pérez']);
  });

  it('shows each error beside its field in words, and keeps the typed value', () => {
    const form = emptyForm();
    form.person.aNumber = 'B12';
    form.person.email = 'not an e-mail';
    renderStep(<AboutYouStep />, { form, checked: true });
    const aNumber = screen.getByLabelText('A-number (Alien Registration Number)') as HTMLInputElement;
    expect(aNumber.value).toBe('B12');
    expect(aNumber.getAttribute('aria-invalid')).toBe('true');
    const errorId = aNumber.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(errorId)!.textContent).toContain('An A-number is the letter A and 7 to 9 numbers');
    expect(screen.getByLabelText('E-mail address').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Family name (last name)').getAttribute('aria-invalid')).toBe('true');
  });

  it('has no errors for a complete answer', () => {
    const { container } = renderStep(<AboutYouStep />, { form: validForm(), checked: true });
    expect(container.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('does not let the browser fill in a helper’s own details for the person', () => {
    const form = emptyForm();
    form.filler = 'helper';
    renderStep(<AboutYouStep />, { form });
    expect(screen.getByLabelText('Family name (last name)').getAttribute('autocomplete')).toBe('off');
  });

  it('asks a company for its name, contact person and title, and no birth details', () => {
    const { form } = renderStep(<AboutYouStep />);
    const who = screen.getByRole('group', { name: /Who needs help\?/ });
    expect((within(who).getByLabelText('A person') as HTMLInputElement).checked).toBe(true);
    expectShown(screen.getByLabelText('Date of birth'));
    fireEvent.click(within(who).getByLabelText('A company or organization'));
    expect(form().person.kind).toBe('company');
    expect(screen.queryByLabelText('Date of birth')).toBeNull();
    expect(screen.queryByLabelText('A-number (Alien Registration Number)')).toBeNull();
    expect(screen.queryByLabelText('Family name (last name)')).toBeNull();
    fireEvent.input(screen.getByLabelText('Business name'), { target: { value: 'Acme Tools LLC' } });
    fireEvent.input(screen.getByLabelText('Contact person'), { target: { value: 'Dana Lee' } });
    fireEvent.input(screen.getByLabelText('Contact person’s job title'), { target: { value: 'HR manager' } });
    expect(form().person).toMatchObject({ businessName: 'Acme Tools LLC', contactName: 'Dana Lee', contactTitle: 'HR manager' });
    expect((screen.getByLabelText('Business name') as HTMLInputElement).getAttribute('autocomplete')).toBe('organization');
    expectShown(screen.getByLabelText('ZIP code'));
    expectShown(screen.getByLabelText('E-mail address'));
  });

  it('shows a company’s missing name and contact beside their fields, and nothing about a birth date', () => {
    const form = validForm();
    form.person.kind = 'company';
    form.person.dateOfBirth = '';
    const { container } = renderStep(<AboutYouStep />, { form, checked: true });
    expect(screen.getByLabelText('Business name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Contact person').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Contact person’s job title').getAttribute('aria-invalid')).toBeNull();
    expect(container.querySelectorAll('[aria-invalid="true"]')).toHaveLength(2);
  });
});
