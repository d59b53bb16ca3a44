/**
 * What each review state needs before the server is asked (the contract's
 * rules, said in words beside the field). Pure.
 */
import type { ReviewChange } from './types';
import {
  CLOSE_REASONS,
  INFO_REASONS,
  REFERRAL_REASONS,
  REVIEW_LIMITS as LIMITS,
  type CloseReason,
  type InfoReason,
  type ReferralReason,
  type ReviewState,
} from '../shared/review';

export interface ReviewDraft {
  state: ReviewState | '';
  caseNumber: string;
  referral: ReferralReason | '';
  referredTo: string;
  closeReason: CloseReason | '';
  infoReasons: InfoReason[];
  infoNote: string;
}

export const EMPTY_REVIEW: ReviewDraft = { state: '', caseNumber: '', referral: '', referredTo: '', closeReason: '', infoReasons: [], infoNote: '' };

export type ReviewErrors = Partial<Record<keyof ReviewDraft, string>>;

export function checkReview(d: ReviewDraft): { ok: true; change: ReviewChange } | { ok: false; errors: ReviewErrors } {
  const errors: ReviewErrors = {};
  if (!d.state) errors.state = 'Choose the new state.';
  if (d.state === 'accepted') {
    if (!d.caseNumber.trim()) errors.caseNumber = 'Enter the office’s case number.';
    else if (d.caseNumber.trim().length > LIMITS.caseNumber) errors.caseNumber = `Use at most ${LIMITS.caseNumber} characters.`;
  }
  if (d.state === 'referred') {
    if (!(REFERRAL_REASONS as readonly string[]).includes(d.referral)) errors.referral = 'Choose where the request was referred.';
    if (d.referredTo.trim().length > LIMITS.referredTo) errors.referredTo = `Use at most ${LIMITS.referredTo} characters.`;
  }
  if (d.state === 'closed' && !(CLOSE_REASONS as readonly string[]).includes(d.closeReason)) errors.closeReason = 'Choose why the request is closed.';
  if (d.state === 'needs_information') {
    if (!d.infoReasons.length || d.infoReasons.some((r) => !INFO_REASONS.includes(r))) errors.infoReasons = 'Choose at least one thing that is needed.';
    if (d.infoNote.trim().length > LIMITS.infoNote) errors.infoNote = `Use at most ${LIMITS.infoNote} characters.`;
  }
  if (Object.keys(errors).length || !d.state) return { ok: false, errors };
  const change: ReviewChange = { state: d.state };
  if (d.state === 'accepted') change.caseNumber = d.caseNumber.trim();
  if (d.state === 'referred') {
    change.referral = d.referral as ReferralReason;
    if (d.referredTo.trim()) change.referredTo = d.referredTo.trim();
  }
  if (d.state === 'closed') change.closeReason = d.closeReason as CloseReason;
  if (d.state === 'needs_information') {
    change.infoReasons = [...d.infoReasons];
    if (d.infoNote.trim()) change.infoNote = d.infoNote.trim();
  }
  return { ok: true, change };
}
