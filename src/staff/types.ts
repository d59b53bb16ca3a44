/**
 * The office console's view of the API contract (docs/office-api.md). The
 * request itself is the wire CaseRequest the intake validated.
 */
import type { CaseRequest } from '../shared/request-schema';
import type { FeedbackQuestion } from '../shared/feedback-schema';
import type { CloseReason, InfoReason, ReferralReason, ReviewState } from '../shared/review';

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

export const LIMITS = { note: 2000, passkeyName: 60 } as const;

/** One of the signed-in member's own passkeys (the key itself never leaves the server). */
export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

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
  /** Null: the system moved it (a follow-up arrived). */
  by: StaffRef | null;
  from: ReviewState | null;
  to: ReviewState;
}

export interface RequestDetail extends Omit<RequestSummary, 'name'> {
  caseNumber: string | null;
  referral: ReferralReason | null;
  referredTo: string | null;
  closeReason: CloseReason | null;
  infoReasons: InfoReason[] | null;
  infoNote: string | null;
  request: CaseRequest;
  attachments: Attachment[];
  notes: Note[];
  history: HistoryEntry[];
  /** The person's answers to "needs information", oldest first. */
  followUps: FollowUpEntry[];
}

export interface FollowUpEntry {
  id: string;
  receivedAt: string;
  locale: string;
  text: string;
  attachments: Attachment[];
}

export interface ReviewChange {
  state: ReviewState;
  caseNumber?: string;
  referral?: ReferralReason;
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
  /** The request the target is or holds a file of, with its confirmation number. */
  request: { id: string; confirmation: string } | null;
  /** The staff account the target is. */
  account: StaffRef | null;
  /** Whom an assignment went to. */
  assignedTo: StaffRef | null;
}

/** An active colleague, as supervisors see them to assign work. */
export interface DirectoryEntry extends StaffRef {
  role: Role;
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
  /** 'me', 'none' (nobody has it), a colleague's id (supervisors), or '' for anyone. */
  assigned?: string;
  event?: string;
  q?: string;
}

export interface FeedbackGroup {
  eventId: string | null;
  day: string;
  count: number;
  satisfaction: Record<'1' | '2' | '3' | '4' | '5', number>;
  answers: Record<FeedbackQuestion, Record<string, number>>;
  withText: number;
  withContact: number;
}

export interface FeedbackText {
  id: string;
  receivedAt: string;
  locale: string;
  eventId: string | null;
  satisfaction: number | null;
  questions: string | null;
  comments: string | null;
  contact: { name?: string; email?: string; phone?: string } | null;
}

export interface FeedbackView {
  groups: FeedbackGroup[];
  texts: FeedbackText[];
}
