import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABEL, auditAction, auditDetail, auditTarget } from '../../src/staff/audit-words';
import { AUDIT_ACTIONS } from '../../src/server/office/model';
import { assignDetail } from '../../src/server/office/audit';

const REQUEST = { id: '96304f98-bfcb-8a50-91ff-e19b7d5ffa98', confirmation: '5H8-X8A-3DY' };
const OFFICER = { id: '9b47ec2c-cbe1-4bec-94b2-8abd9ed4b848', email: 'officer@agency.example' };
const none = { request: null, account: null, assignedTo: null };

describe('the audit log in words', () => {
  it('has words for every action the server writes, and only those', () => {
    expect(Object.keys(AUDIT_ACTION_LABEL).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(auditAction('review')).toBe('Changed a review state');
    expect(auditAction('follow_up')).toBe('The person sent an answer');
    expect(auditAction('a_later_action')).toBe('a_later_action');
    expect(auditAction('constructor')).toBe('constructor');
  });

  it('names a request by its confirmation number with a link to its page, a file of it too, a staff account by its e-mail, else the id', () => {
    expect(auditTarget({ ...none, target: REQUEST.id, request: REQUEST })).toEqual({ text: 'Request 5H8-X8A-3DY', href: `/staff/requests/${REQUEST.id}` });
    expect(auditTarget({ ...none, target: `${REQUEST.id}/a1b2`, request: REQUEST })).toEqual({ text: 'A file of request 5H8-X8A-3DY', href: `/staff/requests/${REQUEST.id}` });
    expect(auditTarget({ ...none, target: OFFICER.id, account: OFFICER })).toEqual({ text: 'officer@agency.example' });
    expect(auditTarget({ ...none, target: 'c0ffee00-0000-4000-8000-000000000000' })).toEqual({ text: 'c0ffee00-0000-4000-8000-000000000000' });
    expect(auditTarget({ ...none, target: null })).toBeNull();
  });

  it('says review moves with the console’s state labels', () => {
    expect(auditDetail({ ...none, action: 'review', detail: 'received->in_review' })).toBe('Received → In review');
    expect(auditDetail({ ...none, action: 'review', detail: 'in_review->needs_information' })).toBe('In review → Needs information');
    expect(auditDetail({ ...none, action: 'follow_up', detail: 'needs_information->in_review' })).toBe('Needs information → In review');
    expect(auditDetail({ ...none, action: 'review', detail: 'in_review->referred' })).toBe('In review → Referred elsewhere');
    // A state this console does not know, or a malformed move, stays as stored.
    expect(auditDetail({ ...none, action: 'review', detail: 'received->archived' })).toBe('received->archived');
    expect(auditDetail({ ...none, action: 'review', detail: 'received->in_review->closed' })).toBe('received->in_review->closed');
  });

  it('says whom an assignment went to by e-mail, or nobody; an account it cannot name stays its id', () => {
    expect(auditDetail({ ...none, action: 'assign', detail: assignDetail(OFFICER.id), assignedTo: OFFICER })).toBe('to officer@agency.example');
    expect(auditDetail({ ...none, action: 'assign', detail: assignDetail(null) })).toBe('to nobody');
    expect(auditDetail({ ...none, action: 'assign', detail: assignDetail(OFFICER.id) })).toBe(`to ${OFFICER.id}`);
  });

  it('has words for every other detail code the server writes', () => {
    const cases: [action: string, detail: string, words: string][] = [
      ['export', 'format=csv', 'CSV'],
      ['export', 'format=jsonl', 'JSON Lines'],
      ['export', 'format=zip search', 'ZIP with files, of a search'],
      ['staff_invite', 'role=supervisor', 'as Supervisor'],
      ['staff_update', 'role=officer', 'Role: Intake officer'],
      ['staff_update', 'disabled=true', 'Disabled'],
      ['staff_update', 'role=admin disabled=false', 'Role: Administrator; Enabled again'],
      ['signin', 'passkey', 'With a passkey'],
      ['signin_failed', 'locked', 'The account was locked'],
      ['signin_failed', 'unknown_account', 'No account has that e-mail'],
      ['signin_failed', 'passkey', 'The passkey was not accepted'],
      ['signin_failed', 'passkey_counter', 'The passkey’s counter went back: a copied key, or two sign-ins at once'],
      ['passkey_failed', 'step_up', 'Wrong password or code when confirming who they are'],
      ['passkey_failed', 'locked', 'The account was locked'],
      ['passkey_failed', 'duplicate', 'That passkey was already added'],
      ['passkey_failed', 'register', 'The new passkey could not be verified'],
      ['view_feedback', 'texts=1', '1 written answer opened'],
      ['view_feedback', 'texts=12', '12 written answers opened'],
    ];
    for (const [action, detail, words] of cases) expect([action, detail, auditDetail({ ...none, action, detail })]).toEqual([action, detail, words]);
  });

  it('shows a code it does not know as stored, and nothing for no detail', () => {
    expect(auditDetail({ ...none, action: 'export', detail: 'format=pdf' })).toBe('format=pdf');
    expect(auditDetail({ ...none, action: 'staff_update', detail: 'role=owner disabled=true' })).toBe('role=owner disabled=true');
    expect(auditDetail({ ...none, action: 'signin_failed', detail: 'toString' })).toBe('toString');
    expect(auditDetail({ ...none, action: 'a_later_action', detail: 'x=1' })).toBe('x=1');
    expect(auditDetail({ ...none, action: 'signin_failed', detail: null })).toBe('');
  });
});
