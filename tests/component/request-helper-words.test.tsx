/** In volunteer mode "you" is the helper: the person's steps speak of "the person you help". */
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/preact';
import { AboutYouStep } from '../../src/requests/steps/AboutYouStep';
import { CaseStep } from '../../src/requests/steps/CaseStep';
import { ContactsStep } from '../../src/requests/steps/ContactsStep';
import { emptyForm, type RequestForm } from '../../src/requests/form-model';
import { stepTitleId } from '../../src/requests/labels';
import { renderStep } from './request-harness';
import { expectShown } from './shown';
import { messagesFor } from './render-with-app';

function form(filler: 'self' | 'helper'): RequestForm {
  const f = emptyForm();
  f.filler = filler;
  f.case.priorAttempts = [{ channel: '', date: '', serviceRequestNumber: '' }];
  return f;
}

describe('helper mode words', () => {
  it('names the person helped in the about-you step', () => {
    renderStep(<AboutYouStep />, { form: form('helper') });
    expectShown(screen.getByRole('group', { name: 'How the Ombudsman can reach the person you help' }));
    expectShown(screen.getByRole('group', { name: 'Other names the person you help has used' }));
    expectShown(screen.getByText('Where the person you help can get mail now.'));
    expectShown(screen.getByText('The language the person you help would like to use.'));
    expect(screen.queryByText('Where you can get mail now.')).toBeNull();
  });

  it('names the person helped in the case and contacts steps', () => {
    renderStep(<CaseStep />, { form: form('helper') });
    expectShown(screen.getByLabelText('Date the form was filed'));
    expectShown(screen.getByLabelText('Date USCIS received the case'));
    expectShown(screen.getByLabelText('What help does the person you help want?'));
    expect(screen.queryByLabelText('Date you filed')).toBeNull();
  });

  it('asks the contacts of the person helped', () => {
    renderStep(<ContactsStep />, { form: form('helper') });
    expectShown(screen.getByLabelText('How did the person you help contact USCIS?'));
  });

  it('keeps "you" for a person filling in their own form', () => {
    renderStep(<CaseStep />, { form: form('self') });
    expectShown(screen.getByLabelText('Date you filed'));
    expectShown(screen.getByLabelText('What help do you want?'));
  });

  it('titles the person’s steps for the helper, in every language', () => {
    expect(stepTitleId('case', true)).toBe('request.step.case.titleHelper');
    expect(stepTitleId('contacts', true)).toBe('request.step.contacts.titleHelper');
    expect(stepTitleId('case', false)).toBe('request.step.case.title');
    expect(stepTitleId('documents', true)).toBe('request.step.documents.title');
    const es = messagesFor('es');
    const en = messagesFor('en');
    expect(es['request.step.case.titleHelper']).toBeTruthy();
    expect(es['request.step.case.titleHelper']).not.toEqual(en['request.step.case.titleHelper']);
  });
});
