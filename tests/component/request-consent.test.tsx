import { beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { ConsentStep } from '../../src/requests/steps/ConsentStep';
import { emptyForm } from '../../src/requests/form-model';
import { renderStep, TODAY } from './request-harness';
import { expectShown } from './shown';

// jsdom draws nothing; the drawing itself is covered in Chromium (e2e).
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

describe('Consent and signature step', () => {
  it('takes the consent and a typed signature, and dates it', () => {
    const { form } = renderStep(<ConsentStep />);
    fireEvent.click(screen.getByLabelText(/I agree that the CIS Ombudsman may share my information/));
    fireEvent.input(screen.getByLabelText('Type your full name'), { target: { value: 'Ana García' } });
    expect(form().consent).toMatchObject({ agreed: true, signatureKind: 'typed', typedName: 'Ana García', date: TODAY });
    expect(screen.queryByLabelText(/talk about my case with the person helping me/)).toBeNull();
  });

  it('offers a drawing box, with typing as the keyboard way to sign', () => {
    const { form } = renderStep(<ConsentStep />);
    fireEvent.click(screen.getByLabelText('Draw my signature'));
    expect(form().consent.signatureKind).toBe('drawn');
    expectShown(screen.getByRole('img', { name: 'Signature box, empty' }));
    expectShown(screen.getByText(/If you cannot draw, choose “Type my name”/));
    expect(screen.getByRole('button', { name: 'Clear the signature' })).toHaveProperty('disabled', false);
    expect(screen.queryByLabelText('Type your full name')).toBeNull();
  });

  it('keeps the consent the person’s own in volunteer mode', () => {
    const form = emptyForm();
    form.filler = 'helper';
    form.submitter.relationship = 'family';
    renderStep(<ConsentStep />, { form, checked: true });
    expectShown(screen.getByText(/Only the person who needs help can agree and sign/));
    const share = screen.getByLabelText(/talk about my case with the person helping me/);
    expect(share.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('rq-consent-shareWithSubmitter-error')!.textContent).toContain('must agree');
  });

  it('says why the form cannot go without consent and signature', () => {
    renderStep(<ConsentStep />, { checked: true });
    expect(document.getElementById('rq-consent-agreed-error')!.textContent).toContain('The Ombudsman can only help if you agree');
    expect(screen.getByLabelText('Type your full name').getAttribute('aria-invalid')).toBe('true');
    // The date starts as today, so only what the person must do is asked for.
    expect(screen.getByLabelText('Date signed').getAttribute('aria-invalid')).toBeNull();
  });

  it('starts the signature date as today before anything is signed, and keeps a date already there', async () => {
    const { form } = renderStep(<ConsentStep />);
    await waitFor(() => expect((screen.getByLabelText('Date signed') as HTMLInputElement).value).toBe(TODAY));
    expect(form().consent.date).toBe(TODAY);
    cleanup();
    const earlier = emptyForm();
    earlier.consent.date = '2025-05-20';
    const second = renderStep(<ConsentStep />, { form: earlier });
    expect((screen.getByLabelText('Date signed') as HTMLInputElement).value).toBe('2025-05-20');
    expect(second.form().consent.date).toBe('2025-05-20');
  });
});
