/**
 * The office's review of a request, as the server, the office console and
 * (later) the applicant's status page all see it: the states, which move
 * is allowed, and the reason codes each state carries. Codes only: the
 * console keeps its English labels, the applicant's app its translations.
 */

export const REVIEW_STATES = ['received', 'in_review', 'needs_information', 'accepted', 'referred', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What the office asks the person for (one or more). `missing_information` stays for reviews saved before the finer codes. */
export const INFO_REASONS = [
  'missing_consent',
  'missing_receipt_notice',
  'unclear_document',
  'missing_a_number',
  'missing_signature',
  'missing_information',
  'other',
] as const;
export type InfoReason = (typeof INFO_REASONS)[number];

export const CLOSE_REASONS = ['resolved', 'duplicate', 'withdrawn', 'outside_mandate', 'no_response', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Where a request was sent on to: a code the person can be told in their language. */
export const REFERRAL_REASONS = ['uscis', 'detention_ombudsman', 'records_foia', 'other_agency', 'legal_help', 'congress', 'other'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

/** Lengths staff may type; `infoNote` is the one the person reads. */
export const REVIEW_LIMITS = { caseNumber: 64, referredTo: 200, infoNote: 500 } as const;

/**
 * Forward through review, and back to in_review from anywhere (reopening a
 * closed request, or taking up a person's answer). A request that needs
 * information may be decided without waiting for the answer.
 */
const NEXT: Record<ReviewState, readonly ReviewState[]> = {
  received: ['in_review'],
  in_review: ['needs_information', 'accepted', 'referred', 'closed'],
  needs_information: ['in_review', 'accepted', 'referred', 'closed'],
  accepted: ['in_review'],
  referred: ['in_review'],
  closed: ['in_review'],
};

export function nextStates(from: ReviewState): ReviewState[] {
  return [...NEXT[from]];
}

export function canMove(from: ReviewState, to: ReviewState): boolean {
  return NEXT[from].includes(to);
}

/** States after which the office takes no more from the person. */
export const isFinal = (state: ReviewState): boolean => state === 'closed';
