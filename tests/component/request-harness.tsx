/**
 * Renders one step of the request form with a live form state, the shared
 * schema's issues and the app's real English messages, as the editor does.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FormContext } from '../../src/requests/form-context';
import { emptyForm, type RequestForm } from '../../src/requests/form-model';
import { validateForm } from '../../src/requests/form-wire';
import { setAt } from '../../src/requests/paths';
import { renderWithI18n } from './render-with-app';

export const TODAY = '2025-06-01';
export const DRAFT_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

export function renderStep(ui: ComponentChildren, options: { form?: RequestForm; checked?: boolean; path?: string; locale?: string } = {}) {
  let current = options.form ?? emptyForm();
  function Harness() {
    const [form, setForm] = useState(current);
    const issues = validateForm(form, { id: DRAFT_ID, locale: 'en', createdAt: 0, submittedAt: 0, attachments: [] }, TODAY);
    return (
      <FormContext.Provider
        value={{
          form,
          set: (path, value) =>
            setForm((prev) => {
              current = setAt(prev, path, value);
              return current;
            }),
          errors: (path) => (options.checked ? issues.filter((i) => i.path === path).map((i) => i.code) : []),
          today: TODAY,
          draftId: DRAFT_ID,
        }}
      >
        {ui}
      </FormContext.Provider>
    );
  }
  const result = renderWithI18n(<Harness />, { path: options.path ?? `/requests/${DRAFT_ID}`, ...(options.locale ? { locale: options.locale } : {}) });
  return Object.assign(result, { form: () => current });
}

/** A form that passes the schema, to change one thing at a time. */
export function validForm(): RequestForm {
  const form = emptyForm();
  form.filler = 'self';
  form.person = {
    ...form.person,
    familyName: 'García',
    givenName: 'Ana',
    dateOfBirth: '1985-04-12',
    countryOfBirth: 'MX',
    citizenship: 'MX',
    aNumber: 'A12-345-678',
    address: { ...form.person.address, kind: 'us', line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' },
    phone: '(512) 555-0199',
    email: 'ana@example.org',
  };
  form.case = {
    ...form.case,
    formTypes: ['I-485'],
    receiptNumbers: ['EAC2190012345'],
    dateFiled: '2023-01-10',
    problemKinds: ['past-processing-time'],
    whatHappened: 'No decision after two years.',
    helpWanted: 'Please ask USCIS to decide.',
    priorAttempts: [{ channel: 'contact_center', date: '2025-03-02', serviceRequestNumber: '' }],
  };
  form.consent = { agreed: true, shareWithSubmitter: false, signatureKind: 'typed', typedName: 'Ana García', drawnPng: '', date: TODAY };
  return form;
}
