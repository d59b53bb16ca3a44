/**
 * Message ids for the request's fields, options and error codes, so the
 * form, review page and print view name things the same way. Every field id
 * has `request.field.<id>.label` and `request.field.<id>.hint`; every option
 * `request.field.<id>.option.<value>`; every error code `request.error.<code>`
 * (see errorMessageId in fields.ts). A unit test keeps the English catalog
 * complete.
 */
import { STATELESS } from '../shared/fields';
import {
  ADDRESS_KINDS,
  PRIOR_ATTEMPT_CHANNELS,
  PROBLEM_KINDS,
  REQUESTER_KINDS,
  SIGNATURE_KINDS,
  SUBMITTER_RELATIONSHIPS,
} from '../shared/request-schema';

/** Field ids: wire paths without list indexes. */
export const FIELD_IDS = [
  'person',
  'person.kind',
  'person.businessName',
  'person.contactName',
  'person.contactTitle',
  'person.familyName',
  'person.givenName',
  'person.middleName',
  'person.otherNames',
  'person.dateOfBirth',
  'person.countryOfBirth',
  'person.citizenship',
  'person.aNumber',
  'person.uscisAccountNumber',
  'person.address',
  'person.address.kind',
  'person.address.inCareOf',
  'person.address.line1',
  'person.address.line2',
  'person.address.city',
  'person.address.state',
  'person.address.zip',
  'person.address.province',
  'person.address.postalCode',
  'person.address.country',
  'person.phone',
  'person.email',
  'person.preferredLanguage',
  'submitter',
  'submitter.relationship',
  'submitter.relationshipOther',
  'submitter.name',
  'submitter.organization',
  'submitter.phone',
  'submitter.email',
  'submitter.g28OnFile',
  'case',
  'case.formTypes',
  'case.receiptNumbers',
  'case.dateFiled',
  'case.dateReceived',
  'case.office',
  'case.problemKinds',
  'case.whatHappened',
  'case.helpWanted',
  'case.priorAttempts',
  'case.priorAttempts.channel',
  'case.priorAttempts.date',
  'case.priorAttempts.serviceRequestNumber',
  'consent',
  'consent.agreed',
  'consent.shareWithSubmitter',
  'consent.signature',
  'consent.signature.kind',
  'consent.signature.name',
  'consent.signature.pngDataUrl',
  'consent.date',
  'attachments',
] as const;

export type FieldId = (typeof FIELD_IDS)[number];

/** Fields whose value is one of a fixed list; each value has a label. */
export const FIELD_OPTIONS: Readonly<Partial<Record<FieldId, readonly string[]>>> = {
  'person.kind': REQUESTER_KINDS,
  'person.address.kind': ADDRESS_KINDS,
  // Countries are named by Intl.DisplayNames; only "stateless" needs words.
  'person.citizenship': [STATELESS],
  'submitter.relationship': SUBMITTER_RELATIONSHIPS,
  'case.problemKinds': PROBLEM_KINDS,
  'case.priorAttempts.channel': PRIOR_ATTEMPT_CHANNELS,
  'consent.signature.kind': SIGNATURE_KINDS,
};

const FIELD_ID_SET = new Set<string>(FIELD_IDS);

/**
 * Fields the schema always wants once they are on screen (fields shown only
 * in one case, like a U.S. ZIP code, are asked only then), so the form can
 * say "(required)" before the first error. 'filler' is the form's own question.
 */
const REQUIRED_FIELDS: ReadonlySet<string> = new Set([
  'filler',
  'person.businessName',
  'person.contactName',
  'person.familyName',
  'person.dateOfBirth',
  'person.countryOfBirth',
  'person.citizenship',
  'person.address.line1',
  'person.address.city',
  'person.address.state',
  'person.address.zip',
  'person.address.country',
  'submitter.relationship',
  'submitter.relationshipOther',
  'submitter.name',
  'case.formTypes',
  'case.problemKinds',
  'case.whatHappened',
  'case.helpWanted',
  'case.priorAttempts.channel',
  'case.priorAttempts.date',
  'consent.agreed',
  'consent.signature.name',
  'consent.date',
]);

/** Whether the field at a wire path must be answered: 'case.priorAttempts.2.date' → true. */
export function isRequiredField(wirePath: string): boolean {
  return REQUIRED_FIELDS.has(wirePath.split('.').filter((part) => !/^\d+$/.test(part)).join('.'));
}

/**
 * The field an issue path belongs to, so its message can stand beside that
 * field: 'case.priorAttempts.2.date' → 'case.priorAttempts.date'. A path
 * below no known field (an attachment's checksum, an unknown key) belongs to
 * its nearest known part: 'attachments.0.sha256' → 'attachments'. Paths
 * outside every part (the request id, its times) answer undefined.
 */
export function fieldIdOf(path: string): FieldId | undefined {
  const parts = path.split('.').filter((part) => !/^\d+$/.test(part));
  for (let n = parts.length; n > 0; n--) {
    const id = parts.slice(0, n).join('.');
    if (FIELD_ID_SET.has(id)) return id as FieldId;
  }
  return undefined;
}

export function fieldLabelId(id: FieldId): string {
  return `request.field.${id}.label`;
}

export function fieldHintId(id: FieldId): string {
  return `request.field.${id}.hint`;
}

/**
 * Fields whose words say "you" meaning the person with the case: in
 * volunteer mode they have a `labelHelper` / `hintHelper` that speaks of
 * "the person you help", since "you" is then the helper.
 */
const HELPER_LABELS: ReadonlySet<FieldId> = new Set<FieldId>(['person.otherNames', 'case.dateFiled', 'case.dateReceived', 'case.helpWanted', 'case.priorAttempts.channel']);
const HELPER_HINTS: ReadonlySet<FieldId> = new Set<FieldId>(['person.address', 'person.preferredLanguage']);

/** The label's message id as the one filling in the form reads it. */
export function formLabelId(id: FieldId, helping: boolean): string {
  return helping && HELPER_LABELS.has(id) ? `request.field.${id}.labelHelper` : fieldLabelId(id);
}

export function formHintId(id: FieldId, helping: boolean): string {
  return helping && HELPER_HINTS.has(id) ? `request.field.${id}.hintHelper` : fieldHintId(id);
}

const HELPER_STEP_TITLES: ReadonlySet<string> = new Set(['about-you', 'case', 'contacts']);

/** A step's title; in volunteer mode the person's steps name the person helped. */
export function stepTitleId(step: string, helping: boolean): string {
  return `request.step.${step}.${helping && HELPER_STEP_TITLES.has(step) ? 'titleHelper' : 'title'}`;
}

export function optionLabelId(id: FieldId, value: string): string {
  return `request.field.${id}.option.${value}`;
}
