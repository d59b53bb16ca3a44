/**
 * The audit log in words. Entries are stored with ids and short codes (the
 * log is append-only and never rewritten); this turns them into what a
 * supervisor reads, from the entry and what the server looked up beside it.
 * A code not known here is shown as stored, so nothing is ever hidden.
 */
import { ROLE_LABEL, STATE_LABEL } from './text';
import type { AuditEntry } from './types';

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  signin: 'Signed in',
  signin_failed: 'Failed sign-in',
  signout: 'Signed out',
  view_request: 'Viewed a request',
  view_attachment: 'Opened a file',
  review: 'Changed a review state',
  note: 'Added a note',
  assign: 'Assigned a request',
  export: 'Exported requests',
  staff_invite: 'Invited a staff member',
  staff_update: 'Changed a staff account',
  enrol: 'Finished enrolment',
  follow_up: 'The person sent an answer',
  view_feedback: 'Read feedback',
  passkey_add: 'Added a passkey',
  passkey_remove: 'Removed a passkey',
  passkey_failed: 'Passkey refused',
  staff_reset: 'Reset a staff member’s sign-in',
};

/** A code's words from a table, only from its own keys (a stored code like "constructor" stays a code). */
function wordsFor<K extends string>(table: Record<K, string>, code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(table, code) ? table[code as K] : undefined;
}

/** "What": an action's words, or its code when this console does not know it. */
export function auditAction(action: string): string {
  return wordsFor(AUDIT_ACTION_LABEL, action) ?? action;
}

export interface AuditTarget {
  text: string;
  /** The console page of what the entry is about, when there is one. */
  href?: string;
}

/** "On": a request by its confirmation number (linked), a staff account by its e-mail, else the stored id. */
export function auditTarget(e: Pick<AuditEntry, 'target' | 'request' | 'account'>): AuditTarget | null {
  if (e.request) {
    const what = e.target === e.request.id ? 'Request' : 'A file of request';
    return { text: `${what} ${e.request.confirmation}`, href: `/staff/requests/${encodeURIComponent(e.request.id)}` };
  }
  if (e.account) return { text: e.account.email };
  return e.target ? { text: e.target } : null;
}

type DetailWords = (detail: string, e: Pick<AuditEntry, 'assignedTo'>) => string | undefined;

const stateMove: DetailWords = (detail) => {
  const [from, to, ...rest] = detail.split('->');
  const fromWords = wordsFor(STATE_LABEL, from);
  const toWords = wordsFor(STATE_LABEL, to);
  return fromWords && toWords && !rest.length ? `${fromWords} → ${toWords}` : undefined;
};

/** `role=supervisor` → "Supervisor". */
function roleIn(code: string): string | undefined {
  return wordsFor(ROLE_LABEL, /^role=(\w+)$/.exec(code)?.[1]);
}

const EXPORT_FORMAT: Record<string, string> = { csv: 'CSV', jsonl: 'JSON Lines', zip: 'ZIP with files' };

const ACCOUNT_CHANGE: Record<string, string> = { 'disabled=true': 'Disabled', 'disabled=false': 'Enabled again' };

const SIGNIN_FAILED: Record<string, string> = {
  locked: 'The account was locked',
  unknown_account: 'No account has that e-mail',
  passkey: 'The passkey was not accepted',
  passkey_counter: 'The passkey’s counter went back: a copied key, or two sign-ins at once',
};

const PASSKEY_FAILED: Record<string, string> = {
  step_up: 'Wrong password or code when confirming who they are',
  locked: 'The account was locked',
  duplicate: 'That passkey was already added',
  register: 'The new passkey could not be verified',
};

/** Each action's detail codes, as the server writes them (src/server/office/routes-*.ts). */
const DETAIL: Record<string, DetailWords> = {
  review: stateMove,
  follow_up: stateMove,
  assign: (detail, e) => {
    if (detail === 'none') return 'to nobody';
    const id = /^to=(.+)$/.exec(detail)?.[1];
    return id ? `to ${e.assignedTo?.id === id ? e.assignedTo.email : id}` : undefined;
  },
  export: (detail) => {
    const [, format, search] = /^format=(\w+)( search)?$/.exec(detail) ?? [];
    const words = wordsFor(EXPORT_FORMAT, format);
    return words && (search ? `${words}, of a search` : words);
  },
  staff_invite: (detail) => {
    const role = roleIn(detail);
    return role && `as ${role}`;
  },
  // One or both of a role and enabling, space-separated.
  staff_update: (detail) => {
    const parts = detail.split(' ').map((code) => {
      const role = roleIn(code);
      return role ? `Role: ${role}` : wordsFor(ACCOUNT_CHANGE, code);
    });
    return parts.every(Boolean) ? parts.join('; ') : undefined;
  },
  signin: (detail) => (detail === 'passkey' ? 'With a passkey' : undefined),
  signin_failed: (detail) => wordsFor(SIGNIN_FAILED, detail),
  passkey_failed: (detail) => wordsFor(PASSKEY_FAILED, detail),
  view_feedback: (detail) => {
    const n = /^texts=(\d+)$/.exec(detail)?.[1];
    return n === undefined ? undefined : `${n} written ${n === '1' ? 'answer' : 'answers'} opened`;
  },
};

/** "Detail" in words; a code this console does not know is shown as stored. */
export function auditDetail(e: Pick<AuditEntry, 'action' | 'detail' | 'assignedTo'>): string {
  if (!e.detail) return '';
  const words = Object.hasOwn(DETAIL, e.action) ? DETAIL[e.action]!(e.detail, e) : undefined;
  return words ?? e.detail;
}
