/**
 * The office console's view of the API contract (docs/office-api.md). The
 * request itself is the wire CaseRequest the intake validated.
 */
import type { CaseRequest } from '../shared/request-schema';

export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffRef {
  id: string;
  email: string;
}

export interface Me extends StaffRef {
  role: Role;
}

export interface Session {
  me: Me;
  csrf: string;
}

export const STATES = ['received', 'in_review', 'needs_information', 'accepted', 'referred', 'closed'] as const;
export type ReviewState = (typeof STATES)[number];

export const CLOSE_REASONS = ['resolved', 'duplicate', 'withdrawn', 'outside_mandate', 'no_response', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const INFO_REASONS = ['missing_consent', 'missing_receipt_notice', 'unclear_document', 'missing_information', 'other'] as const;
export type InfoReason = (typeof INFO_REASONS)[number];

export const LIMITS = { caseNumber: 64, referredTo: 200, infoNote: 500, note: 2000 } as const;

export interface RequestSummary {
  id: string;
  confirmation: string;
  receivedAt: string;
  formTypes: string[];
  urgent: boolean;
  language: string;
  eventId: string | null;
  state: ReviewState;
  assignee: StaffRef | null;
  name: string;
}

export type StateCounts = Record<ReviewState, number>;

export interface RequestPage {
  requests: RequestSummary[];
  nextCursor: string | null;
  counts: StateCounts;
}

export interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
  href: string;
}

export interface Note {
  id: string;
  at: string;
  by: StaffRef;
  text: string;
}

export interface HistoryEntry {
  at: string;
  by: StaffRef;
  from: ReviewState | null;
  to: ReviewState;
}

export interface RequestDetail extends Omit<RequestSummary, 'name'> {
  caseNumber: string | null;
  referredTo: string | null;
  closeReason: CloseReason | null;
  infoReasons: InfoReason[] | null;
  infoNote: string | null;
  request: CaseRequest;
  attachments: Attachment[];
  notes: Note[];
  history: HistoryEntry[];
}

export interface ReviewChange {
  state: ReviewState;
  caseNumber?: string;
  referredTo?: string;
  closeReason?: CloseReason;
  infoReasons?: InfoReason[];
  infoNote?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: StaffRef | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string;
}

export interface StaffAccount {
  id: string;
  email: string;
  role: Role;
  status: 'invited' | 'active' | 'disabled';
  lastSignInAt: string | null;
}

export interface EventDay {
  date: string;
  counts: Record<string, number>;
}

export interface EventCounts {
  eventId: string;
  days: EventDay[];
}

/** Inbox filters; `q` (what is searched: an A-number, a name) never goes into a URL the browser keeps. */
export interface InboxFilters {
  state?: ReviewState | '';
  from?: string;
  to?: string;
  form?: string;
  urgent?: boolean;
  lang?: string;
  assigned?: 'me' | '';
  event?: string;
  q?: string;
}
