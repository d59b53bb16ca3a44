import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { HelperStep } from '../../src/requests/steps/HelperStep';
import { emptyForm } from '../../src/requests/form-model';
import { renderStep } from './request-harness';
import { expectShown } from './shown';

function helping() {
  const form = emptyForm();
  form.filler = 'helper';
  return form;
}

describe('Helper step (volunteer mode)', () => {
  it('asks how the helper helps, from the schema’s list, and their details', () => {
    const { form } = renderStep(<HelperStep />, { form: helping() });
    for (const name of ['Family member', 'Employer', 'Volunteer at a faith-based organization', 'Congressional office', 'Other']) {
      expectShown(screen.getByLabelText(name));
    }
    fireEvent.click(screen.getByLabelText('Volunteer at a community organization'));
    expect(form().submitter.relationship).toBe('community_volunteer');
    fireEvent.input(screen.getByLabelText('Your full name'), { target: { value: 'Lee Wong' } });
    expect(form().submitter.name).toBe('Lee Wong');
    expect(screen.queryByLabelText(/Form G-28 is on file/)).toBeNull();
    expect(screen.queryByLabelText('Your role')).toBeNull();
  });

  it('asks for the role in words for “Other”, and for the G-28 for an attorney', () => {
    const { form } = renderStep(<HelperStep />, { form: helping() });
    fireEvent.click(screen.getByLabelText('Other'));
    fireEvent.input(screen.getByLabelText('Your role'), { target: { value: 'Neighbour' } });
    expect(form().submitter.relationshipOther).toBe('Neighbour');
    fireEvent.click(screen.getByLabelText('Attorney (with Form G-28 on file)'));
    const g28 = screen.getByLabelText(/Form G-28 is on file/) as HTMLInputElement;
    fireEvent.click(g28);
    expect(form().submitter.g28OnFile).toBe(true);
  });

  it('says what is missing: a relationship, a name, a way to reach the helper', () => {
    renderStep(<HelperStep />, { form: helping(), checked: true });
    expect(screen.getByRole('group', { name: 'How are you helping?' }).textContent).toContain('This is needed');
    expect(screen.getByLabelText('Your full name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Your e-mail address').getAttribute('aria-invalid')).toBe('true');
  });
});
