import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { ContactsStep } from '../../src/requests/steps/ContactsStep';
import { renderStep } from './request-harness';
import { expectShown } from './shown';

describe('USCIS contacts step', () => {
  it('adds a contact group with channel, date and service request number, and removes it', () => {
    const { form } = renderStep(<ContactsStep />);
    expectShown(screen.getByText('You have not added a contact with USCIS yet.'));
    fireEvent.click(screen.getByRole('button', { name: 'Add a contact with USCIS' }));
    const group = screen.getByRole('group', { name: 'Contact 1' });
    expect(group).toBeTruthy();
    fireEvent.change(screen.getByLabelText('How did you contact USCIS?'), { target: { value: 'e_request' } });
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2025-02-03' } });
    fireEvent.input(screen.getByLabelText('Service request number'), { target: { value: 'sr-123 456' } });
    expect(form().case.priorAttempts).toEqual([{ channel: 'e_request', date: '2025-02-03', serviceRequestNumber: 'sr-123 456' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Add another contact' }));
    expectShown(screen.getByRole('group', { name: 'Contact 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove contact 1' }));
    expect(form().case.priorAttempts).toEqual([{ channel: '', date: '', serviceRequestNumber: '' }]);
  });

  it('flags a contact without a date, and a date in the future', () => {
    const { form } = renderStep(<ContactsStep />, { checked: true });
    fireEvent.click(screen.getByRole('button', { name: 'Add a contact with USCIS' }));
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2099-01-01' } });
    expect(form().case.priorAttempts[0]!.date).toBe('2099-01-01');
    expect(document.getElementById('rq-case-priorAttempts-0-date-error')!.textContent).toContain('in the future');
    expect(document.getElementById('rq-case-priorAttempts-0-channel-error')!.textContent).toContain('This is needed');
  });
});
