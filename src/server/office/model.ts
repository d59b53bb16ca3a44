/**
 * The office console's vocabulary (the API contract, issue 14): roles,
 * audit actions and the limits on what staff type. Review states and
 * their reasons are the shared contract's (src/shared/review.ts).
 */

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each role can do everything the roles before it can. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const STAFF_STATUSES = ['invited', 'active', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const LIMITS = { note: 2000, email: 254, password: 1024, passkeyName: 60, passkeysEach: 10 } as const;

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
  // Issue 15: the system's move when a follow-up arrives, and staff reading feedback.
  'follow_up',
  'view_feedback',
  // Passkeys: added, removed, a refused registration or step-up; a sign-in with one is 'signin' with detail 'passkey'.
  'passkey_add',
  'passkey_remove',
  'passkey_failed',
  // An administrator reset someone's password and second factor (a new enrolment link).
  'staff_reset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
