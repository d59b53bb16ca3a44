/**
 * The words of a case-assistance request on the wire: schema version,
 * choice lists and length bounds. Shared by the form (maxlength, options),
 * the schema and the intake server.
 */
import {
  MAX_SIGNATURE_DATA_URL,
} from './fields';

export const REQUEST_SCHEMA_VERSION = 1;

/**
 * The kinds of problem a request is about. The ids are shared with the
 * screener's problem options so a screened answer prefills the request.
 */
export const PROBLEM_KINDS = ['emergency', 'past-processing-time', 'processing-mistake', 'other-unresolved'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** Who submits for the person (dhs.gov "How to Submit a Case Assistance Request"). */
export const SUBMITTER_RELATIONSHIPS = [
  'attorney_g28',
  'accredited_rep_g28',
  'family',
  'employer',
  'community_volunteer',
  'faith_volunteer',
  'congressional',
  'other',
] as const;
export type SubmitterRelationship = (typeof SUBMITTER_RELATIONSHIPS)[number];

/** Representatives whose Form G-28 on file stands in for the person's written consent. */
export const G28_RELATIONSHIPS: readonly SubmitterRelationship[] = ['attorney_g28', 'accredited_rep_g28'];

/** Relationships that act for an organization, whose name is then required. */
export const ORGANIZATION_RELATIONSHIPS: readonly SubmitterRelationship[] = [
  'accredited_rep_g28',
  'employer',
  'congressional',
];

/** Ways a person may already have tried to get help from USCIS. */
export const PRIOR_ATTEMPT_CHANNELS = [
  'contact_center',
  'online_account',
  'e_request',
  'ask_emma',
  'field_office',
  'lockbox',
  'mail',
  'other',
] as const;
export type PriorAttemptChannel = (typeof PRIOR_ATTEMPT_CHANNELS)[number];

/** Who asks: a person, or a company or organization (an employer's petition). */
export const REQUESTER_KINDS = ['person', 'company'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const ADDRESS_KINDS = ['us', 'foreign'] as const;
export const SIGNATURE_KINDS = ['typed', 'drawn'] as const;

/**
 * File types a request may carry. HEIF is listed beside HEIC because some
 * systems label the same iPhone photos with either type.
 */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

/** Length and count bounds; the form sets the same maxlength on its inputs. */
export const LIMITS = {
  name: 100,
  otherName: 150,
  otherNames: 10,
  inCareOf: 150,
  addressLine: 200,
  addressLine2: 100,
  city: 100,
  province: 100,
  submitterName: 150,
  organization: 200,
  contactTitle: 100,
  relationshipOther: 100,
  office: 200,
  whatHappened: 5000,
  helpWanted: 2000,
  formTypes: 10,
  receiptNumbers: 20,
  priorAttempts: 20,
  signatureName: 150,
  signatureDataUrl: MAX_SIGNATURE_DATA_URL,
  attachmentName: 255,
  attachments: 20,
  attachmentBytes: 10 * 1024 * 1024,
  requestAttachmentBytes: 25 * 1024 * 1024,
} as const;
