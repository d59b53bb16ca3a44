import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { CaseStep } from '../../src/requests/steps/CaseStep';
import { emptyForm } from '../../src/requests/form-model';
import { formFromPrefill } from '../../src/requests/prefill';
import { renderStep, validForm } from './request-harness';
import { expectShown } from './shown';

describe('Case step', () => {
  it('takes form numbers, receipt numbers, problems and the story', () => {
    const { form } = renderStep(<CaseStep />);
    fireEvent.input(screen.getByLabelText('Form numbers 1'), { target: { value: 'i485' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add another receipt number' }));
    fireEvent.input(screen.getByLabelText('Receipt numbers 2'), { target: { value: 'eac-21-900-12345' } });
    fireEvent.click(screen.getByLabelText(/longer than the USCIS normal processing time/));
    fireEvent.input(screen.getByLabelText('What went wrong?'), { target: { value: 'Line 1\nLine 2 <b>not bold</b>' } });
    const f = form();
    // Stored as typed: normalizing happens on the wire, never in the box.
    expect(f.case.formTypes).toEqual(['i485']);
    expect(f.case.receiptNumbers).toEqual(['', 'eac-21-900-12345']);
    expect(f.case.problemKinds).toEqual(['past-processing-time']);
    expect(f.case.whatHappened).toBe('Line 1\nLine 2 <b>not bold</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('points a wrong receipt number at its own row, with the reason', () => {
    const form = validForm();
    form.case.receiptNumbers = ['', 'ABC123'];
    renderStep(<CaseStep />, { form, checked: true });
    const second = screen.getByLabelText('Receipt numbers 2');
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Receipt numbers 1').getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById('rq-case-receiptNumbers-1-error')!.textContent).toContain('3 letters and 10 numbers');
  });

  it('asks for at least one form number and one kind of problem', () => {
    renderStep(<CaseStep />, { form: emptyForm(), checked: true });
    expect(screen.getByLabelText('Form numbers 1').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('group', { name: 'What kind of problem is it?' }).textContent).toContain('This is needed');
  });

  it('shows what came from the screener', () => {
    const form = formFromPrefill({
      urgent: true,
      problemKinds: ['processing-delay'],
      priorContacts: [],
      reasons: [],
      formType: 'I-765',
      receivedDate: '2024-01-05',
      processing: { posted: { kind: 'months', months: 7 } as never, basis: 'max' as never, months: 7, outside: true, outsideFrom: '2024-08-05' },
    });
    renderStep(<CaseStep />, { form });
    expectShown(screen.getByText(/We filled in some answers from the check/));
    expectShown(screen.getByText(/You said this is urgent/));
    expectShown(screen.getByText(/normal processing time of 7 months/));
    expect((screen.getByLabelText('Form numbers 1') as HTMLInputElement).value).toBe('I-765');
    expect((screen.getByLabelText('Date USCIS received your case') as HTMLInputElement).value).toBe('2024-01-05');
    expect((screen.getByLabelText('Date you filed') as HTMLInputElement).value).toBe('');
    // No answers block came with this prefill: nothing to say about sending it.
    expect(screen.queryByText(/are sent with this request/)).toBeNull();
  });

  it('tells the person that their choices in the check go with the request', () => {
    const form = formFromPrefill({
      urgent: false,
      problemKinds: ['processing-delay'],
      priorContacts: [],
      reasons: [],
      block: { outcome: 'may-help', answers: { about: 'uscis' } },
    });
    renderStep(<CaseStep />, { form });
    expect(screen.getByRole('note').textContent).toContain('Your choices in the check (not anything you typed) are sent with this request');
  });
});
