/**
 * The office console's vocabulary (the API contract, issue 14): roles,
 * review states and their reasons, and the limits on what staff type.
 */

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each role can do everything the roles before it can. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const STAFF_STATUSES = ['invited', 'active', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const STATES = ['received', 'in_review', 'needs_information', 'accepted', 'referred', 'closed'] as const;
export type ReviewState = (typeof STATES)[number];

export const CLOSE_REASONS = ['resolved', 'duplicate', 'withdrawn', 'outside_mandate', 'no_response', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const INFO_REASONS = ['missing_consent', 'missing_receipt_notice', 'unclear_document', 'missing_information', 'other'] as const;
export type InfoReason = (typeof INFO_REASONS)[number];

export const LIMITS = { caseNumber: 64, referredTo: 200, infoNote: 500, note: 2000, email: 254, password: 1024 } as const;

/** Where a request may go from `from`: forward through review, and back to in_review from anywhere. */
export function canMove(from: ReviewState, to: ReviewState): boolean {
  if (from === to) return false;
  if (to === 'in_review') return true;
  if (from === 'in_review') return to === 'needs_information' || to === 'accepted' || to === 'referred' || to === 'closed';
  if (from === 'needs_information') return to === 'accepted' || to === 'referred' || to === 'closed';
  return false;
}

export interface StaffRef {
  id: string;
  email: string;
}

export interface Me extends StaffRef {
  role: Role;
}

export const AUDIT_ACTIONS = [
  'signin',
  'signin_failed',
  'signout',
  'view_request',
  'view_attachment',
  'review',
  'note',
  'assign',
  'export',
  'staff_invite',
  'staff_update',
  'enrol',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
