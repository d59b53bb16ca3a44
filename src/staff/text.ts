/**
 * The console's English words for states, reasons, roles and the server's
 * error codes, in one place so lists, filters, history and exports agree.
 */
import { ApiError } from './api';
import type { Role } from './types';
import type { CloseReason, InfoReason, ReferralReason, ReviewState } from '../shared/review';
import type { FeedbackQuestion } from '../shared/feedback-schema';

export const STATE_LABEL: Record<ReviewState, string> = {
  received: 'Received',
  in_review: 'In review',
  needs_information: 'Needs information',
  accepted: 'Accepted',
  referred: 'Referred elsewhere',
  closed: 'Closed',
};

export const CLOSE_REASON_LABEL: Record<CloseReason, string> = {
  resolved: 'Resolved',
  duplicate: 'Duplicate',
  withdrawn: 'Withdrawn by the person',
  outside_mandate: 'Outside the Ombudsman’s mandate',
  no_response: 'No response from the person',
  other: 'Other',
};

export const INFO_REASON_LABEL: Record<InfoReason, string> = {
  missing_consent: 'Consent is missing',
  missing_receipt_notice: 'Receipt notice is missing',
  unclear_document: 'A document cannot be read',
  missing_a_number: 'The A-number is missing',
  missing_signature: 'The signature is missing',
  missing_information: 'Information is missing',
  other: 'Other',
};

export const REFERRAL_LABEL: Record<ReferralReason, string> = {
  uscis: 'USCIS (customer service or the field office)',
  detention_ombudsman: 'Office of the Immigration Detention Ombudsman',
  records_foia: 'Records request (FOIA)',
  other_agency: 'Another agency',
  legal_help: 'Legal help (attorney or accredited representative)',
  congress: 'Member of Congress',
  other: 'Other',
};

export const FEEDBACK_QUESTION_LABEL: Record<FeedbackQuestion, string> = {
  understood: 'Did the session explain how the Ombudsman can help?',
  would_ask: 'Would you ask the Ombudsman for help?',
  heard_from: 'How did you hear about this session?',
};

export const FEEDBACK_ANSWER_LABEL: Record<string, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  maybe: 'Maybe',
  community_group: 'A community group',
  faith_group: 'A faith group',
  friend_family: 'Friends or family',
  online: 'Online',
  government: 'A government office',
  other: 'Other',
};

export const ROLE_LABEL: Record<Role, string> = {
  officer: 'Intake officer',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

const ERROR_TEXT: Record<string, string> = {
  network: 'The server cannot be reached. Check the connection and try again; nothing you typed was lost.',
  server_error: 'The server had a problem. Try again in a moment; nothing you typed was lost.',
  unavailable: 'The server is busy. Try again in a moment; nothing you typed was lost.',
  invalid_credentials: 'The e-mail, password or code is not right. Check them and try again.',
  invalid_token: 'This enrolment link is not valid any more. Ask an administrator for a new one.',
  weak_password: 'Choose a longer password: at least 12 characters, and not your e-mail address.',
  invalid_code: 'That code is not right. Enter the 6 digits your authenticator app shows now.',
  csrf: 'Your session needs refreshing. Reload the page and try again.',
  forbidden: 'Your role does not allow this.',
  not_found: 'This was not found. It may have been removed.',
  invalid: 'Some answers are not valid. Check the fields marked below.',
  conflict: 'Someone changed this meanwhile. Reload the page to see the latest version.',
  rate_limited: 'Too many tries. Wait a moment and try again.',
  invalid_transition: 'The request cannot move to that state from where it is now. Reload the page to see its latest state.',
  invalid_staff: 'That staff account is not active, so nothing can be assigned to it.',
  already_assigned: 'Someone else took this request meanwhile. A supervisor can reassign it.',
  request_closed: 'This request is closed.',
  payload_too_large: 'That is too long for the server. Shorten it and try again.',
  step_up_failed: 'That password or code is not right. Enter your password again, or a new 6-digit code.',
  passkey_refused: 'The passkey was not accepted. Try adding it again.',
  passkey_cancelled: 'The passkey prompt was closed or timed out. Nothing changed; try again when ready.',
  passkey_exists: 'This device already holds a passkey for your account.',
  too_many_passkeys: 'You have 10 passkeys, the most allowed. Remove one you no longer use first.',
  cannot_change_self: 'You cannot do this to your own account.',
};

/** A filter the server refused (invalid_from, invalid_q…). */
const FILTER_TEXT: Record<string, string> = {
  state: 'state',
  from: '“received from” date',
  to: '“received to” date',
  form: 'form type (for example I-485)',
  urgent: 'urgent filter',
  lang: 'language',
  event: 'event id (a UUID)',
  assigned: 'assignment filter',
  q: 'search text (too long)',
};

/** Clear words for a failed call; a lockout says until when. */
export function errorText(error: unknown, now: Date = new Date()): string {
  if (!(error instanceof ApiError)) return ERROR_TEXT.server_error!;
  if (error.code === 'locked') {
    const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 900) / 60));
    const until = new Date(now.getTime() + (error.retryAfter ?? 900) * 1000);
    const time = until.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    return `Too many failed sign-ins. This account is locked for ${minutes} minute${minutes === 1 ? '' : 's'}, until ${time}.`;
  }
  if (error.status === 503) return ERROR_TEXT.unavailable!;
  if (error.status === 429) return ERROR_TEXT.rate_limited!;
  const filter = /^invalid_(\w+)$/.exec(error.code)?.[1];
  if (filter && FILTER_TEXT[filter]) return `Check the ${FILTER_TEXT[filter]}: the server could not use it.`;
  return ERROR_TEXT[error.code] ?? (error.status >= 500 ? ERROR_TEXT.server_error! : `The server refused this (${error.code}).`);
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language tag in English words: "es" → "Spanish (es)". */
export function englishLanguage(tag: string): string {
  if (!tag) return '';
  try {
    const name = languageNames.of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}
