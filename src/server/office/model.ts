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

export const LIMITS = { note: 2000, email: 254, password: 1024 } as const;

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
