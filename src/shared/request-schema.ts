/**
 * The wire schema of a case-assistance request (Form DHS-7001): one valibot
 * schema per wire object, imported by the form, the outbox and the intake
 * server alike. Every issue's message is a stable error code from
 * fields.ts; validateRequest() turns valibot's issues into {code, path}.
 *
 * "Not in the future" depends on the day, so the date-bearing schemas are
 * made by factories that take `today` (YYYY-MM-DD): the page passes
 * deviceToday(), the server passes serverToday(). requestSchemas(today)
 * hands out the whole set, cached per day.
 */
import * as v from 'valibot';
import {
  type ErrorCode,
  type IsoDate,
  checkEmail,
  checkFormType,
  checkIsoDateTime,
  checkLanguageTag,
  checkPhone,
  checkPngDataUrl,
  checkReceiptNumber,
  checkServiceRequestNumber,
  checkSha256,
  checkUuid,
} from './fields';
import {
  REQUEST_SCHEMA_VERSION,
  PROBLEM_KINDS,
  SUBMITTER_RELATIONSHIPS,
  type SubmitterRelationship,
  G28_RELATIONSHIPS,
  ORGANIZATION_RELATIONSHIPS,
  PRIOR_ATTEMPT_CHANNELS,
  ATTACHMENT_TYPES,
  LIMITS,
} from './request-vocabulary';
import {
  type Issue,
  typeMessage,
  optionMessage,
  variantMessage,
  strict,
  field,
  optionalField,
  requiredText,
  optionalText,
  pastDate,
  optionalPastDate,
  type PathKey,
  isRecord,
  hasIssueAt,
  valueAt,
  crossCheck,
  uniqueList,
} from './schema-blocks';
import { makePersonSchema, type CompanyRequester } from './requester-schema';
import { claimDerives, isClaimFormat, isClaimedId } from './request-claim';
import { ScreenerBlockSchema } from './screener-answers';
import { type ValidationResult, validateWith } from './request-issues';

// The contract's words and its issue format are part of its one entry point.
export * from './request-vocabulary';
export * from './request-issues';

// ---------------------------------------------------------------------------
// Wire objects

/** Someone who fills in the request for the person. */
export const SubmitterSchema = v.pipe(
  strict({
    relationship: v.picklist(SUBMITTER_RELATIONSHIPS, optionMessage),
    relationshipOther: optionalText(LIMITS.relationshipOther),
    name: requiredText(LIMITS.submitterName),
    organization: optionalText(LIMITS.organization),
    phone: optionalField(checkPhone),
    email: optionalField(checkEmail),
    g28OnFile: v.boolean(typeMessage),
  }),
  crossCheck((root, issues) => {
    if (!isRecord(root)) return [];
    const problems: { code: ErrorCode; at: PathKey[] }[] = [];
    const relationship = hasIssueAt(issues, ['relationship']) ? undefined : (root.relationship as SubmitterRelationship);
    if (relationship === 'other' && root.relationshipOther === undefined && !hasIssueAt(issues, ['relationshipOther'])) {
      problems.push({ code: 'required', at: ['relationshipOther'] });
    }
    if (
      relationship &&
      ORGANIZATION_RELATIONSHIPS.includes(relationship) &&
      root.organization === undefined &&
      !hasIssueAt(issues, ['organization'])
    ) {
      problems.push({ code: 'required', at: ['organization'] });
    }
    if (relationship && G28_RELATIONSHIPS.includes(relationship) && root.g28OnFile === false) {
      problems.push({ code: 'g28.required', at: ['g28OnFile'] });
    }
    problems.push(...contactProblems(root, issues, []));
    return problems;
  }),
);

/** Phone or e-mail: the Ombudsman must be able to reach someone. */
function contactProblems(root: unknown, issues: readonly Issue[] | undefined, at: PathKey[]) {
  const node = valueAt(root, at);
  if (!isRecord(node)) return [];
  if (hasIssueAt(issues, [...at, 'phone']) || hasIssueAt(issues, [...at, 'email'])) return [];
  if (node.phone !== undefined || node.email !== undefined) return [];
  return [{ code: 'contact.required' as const, at: [...at, 'email'] }];
}

export function makePriorAttemptSchema(today: IsoDate) {
  return strict({
    channel: v.picklist(PRIOR_ATTEMPT_CHANNELS, optionMessage),
    date: pastDate(today),
    serviceRequestNumber: optionalField(checkServiceRequestNumber),
  });
}

/** The case: what was filed, what went wrong, what the person already tried. */
export function makeCaseSchema(today: IsoDate) {
  return strict({
    formTypes: uniqueList(field(checkFormType), LIMITS.formTypes, 1),
    // A request can be about a filing that never got a receipt (a lockbox problem).
    receiptNumbers: v.optional(uniqueList(field(checkReceiptNumber), LIMITS.receiptNumbers), []),
    dateFiled: optionalPastDate(today),
    /** From the receipt notice: what USCIS's processing times count from. */
    dateReceived: optionalPastDate(today),
    office: optionalText(LIMITS.office),
    problemKinds: uniqueList(v.picklist(PROBLEM_KINDS, optionMessage), PROBLEM_KINDS.length, 1),
    whatHappened: requiredText(LIMITS.whatHappened, true),
    helpWanted: requiredText(LIMITS.helpWanted, true),
    priorAttempts: v.optional(
      v.pipe(v.array(makePriorAttemptSchema(today), typeMessage), v.maxLength(LIMITS.priorAttempts, 'too_many')),
      [],
    ),
  });
}

export const TypedSignatureSchema = strict({
  kind: v.literal('typed', optionMessage),
  name: requiredText(LIMITS.signatureName),
});

export const DrawnSignatureSchema = strict({
  kind: v.literal('drawn', optionMessage),
  pngDataUrl: field(checkPngDataUrl),
});

export const SignatureSchema = v.variant('kind', [TypedSignatureSchema, DrawnSignatureSchema], variantMessage);

/**
 * The person's consent that lets the Ombudsman share their information with
 * USCIS. Always the person's own, even when a helper fills in the form;
 * `shareWithSubmitter` is the written consent a helper without a G-28 needs.
 */
export function makeConsentSchema(today: IsoDate) {
  return strict({
    agreed: v.literal(true, 'consent.required'),
    shareWithSubmitter: v.optional(v.boolean(typeMessage)),
    signedBy: v.literal('person', optionMessage),
    signature: SignatureSchema,
    date: pastDate(today),
  });
}

/** A file sent with the request; its bytes travel separately, checked by SHA-256. */
export const AttachmentRefSchema = strict({
  id: field(checkUuid),
  name: requiredText(LIMITS.attachmentName),
  type: v.picklist(ATTACHMENT_TYPES, (issue: Issue): ErrorCode => (issue.input === undefined ? 'required' : 'attachment.type')),
  size: v.pipe(
    v.number(typeMessage),
    v.integer('attachment.size'),
    v.minValue(1, 'attachment.size'),
    v.maxValue(LIMITS.attachmentBytes, 'attachment.too_large'),
  ),
  sha256: field(checkSha256),
});

export const AttachmentListSchema = v.pipe(
  v.array(AttachmentRefSchema, typeMessage),
  v.maxLength(LIMITS.attachments, 'too_many'),
  crossCheck((root, issues) => {
    if (!Array.isArray(root)) return [];
    const problems: { code: ErrorCode; at: PathKey[] }[] = [];
    const ids = new Set<unknown>();
    let total = 0;
    root.forEach((entry: unknown, index) => {
      if (!isRecord(entry)) return;
      if (!hasIssueAt(issues, [index, 'id'])) {
        if (ids.has(entry.id)) problems.push({ code: 'duplicate', at: [index, 'id'] });
        ids.add(entry.id);
      }
      if (!hasIssueAt(issues, [index, 'size']) && typeof entry.size === 'number') total += entry.size;
    });
    if (total > LIMITS.requestAttachmentBytes) problems.push({ code: 'attachments.total_too_large', at: [] });
    return problems;
  }),
);

/** The request as it travels from the device to the intake server. */
export function makeCaseRequestSchema(today: IsoDate) {
  return v.pipe(
    strict({
      id: field(checkUuid),
      /** The secret behind a version-8 id (request-claim.ts); none with an id from before claims. */
      claim: v.optional(v.string(typeMessage)),
      schemaVersion: v.literal(REQUEST_SCHEMA_VERSION, (issue: Issue): ErrorCode =>
        issue.input === undefined ? 'required' : 'version.unsupported',
      ),
      /** The language the person used the app in. */
      locale: field(checkLanguageTag),
      person: makePersonSchema(today),
      submitter: v.optional(SubmitterSchema),
      case: makeCaseSchema(today),
      consent: makeConsentSchema(today),
      attachments: v.optional(AttachmentListSchema, []),
      /** What the self-check answered, when the request began there (screener-answers.ts). */
      screener: v.optional(ScreenerBlockSchema),
      // Device clock times: informational only, never used for ordering.
      createdAt: field(checkIsoDateTime),
      submittedAt: field(checkIsoDateTime),
    }),
    crossCheck((root, issues) => {
      if (!isRecord(root)) return [];
      const submitter = root.submitter;
      // Without a helper the person must be reachable; with one, the helper is.
      if (submitter === undefined) return contactProblems(root, issues, ['person']);
      if (!isRecord(submitter) || hasIssueAt(issues, ['submitter', 'relationship'])) return [];
      const relationship = submitter.relationship as SubmitterRelationship;
      const consent = root.consent;
      if (
        !G28_RELATIONSHIPS.includes(relationship) &&
        isRecord(consent) &&
        consent.shareWithSubmitter !== true &&
        !hasIssueAt(issues, ['consent', 'shareWithSubmitter'])
      ) {
        return [{ code: 'consent.submitter_required', at: ['consent', 'shareWithSubmitter'] }];
      }
      return [];
    }),
    crossCheck((root, issues) => {
      if (!isRecord(root) || hasIssueAt(issues, ['id']) || hasIssueAt(issues, ['claim'])) return [];
      // Only the shape here: whether the claim derives the id needs a hash (validateWireRequest).
      const fits = isClaimedId(root.id) ? isClaimFormat(root.claim) : root.claim === undefined;
      return fits ? [] : [{ code: 'claim.mismatch', at: ['id'] }];
    }),
  );
}

// ---------------------------------------------------------------------------
// Types

export type CaseRequestSchemaType = ReturnType<typeof makeCaseRequestSchema>;
/** A valid, normalized request. */
export type CaseRequest = v.InferOutput<CaseRequestSchemaType>;
export type AttachmentRef = v.InferOutput<typeof AttachmentRefSchema>;
export type Requester = CaseRequest['person'];

export function isCompany(requester: Requester): requester is CompanyRequester {
  return requester.kind === 'company';
}

export interface RequestSchemas {
  PersonSchema: ReturnType<typeof makePersonSchema>;
  SubmitterSchema: typeof SubmitterSchema;
  CaseSchema: ReturnType<typeof makeCaseSchema>;
  ConsentSchema: ReturnType<typeof makeConsentSchema>;
  AttachmentRefSchema: typeof AttachmentRefSchema;
  CaseRequestSchema: CaseRequestSchemaType;
}

const schemaCache = new Map<IsoDate, RequestSchemas>();

/** Every wire schema for the given day. Cached: the server calls this per request. */
export function requestSchemas(today: IsoDate): RequestSchemas {
  let schemas = schemaCache.get(today);
  if (!schemas) {
    schemas = {
      PersonSchema: makePersonSchema(today),
      SubmitterSchema,
      CaseSchema: makeCaseSchema(today),
      ConsentSchema: makeConsentSchema(today),
      AttachmentRefSchema,
      CaseRequestSchema: makeCaseRequestSchema(today),
    };
    // A long-running server moves through days; keep only the latest few.
    if (schemaCache.size >= 4) schemaCache.delete(schemaCache.keys().next().value!);
    schemaCache.set(today, schemas);
  }
  return schemas;
}

// ---------------------------------------------------------------------------
// Validation

/**
 * Validates a whole request: the form before submit (today = deviceToday())
 * and the server on receipt (today = serverToday()) call this same function.
 * On success the value is normalized (receipt numbers compact and uppercase,
 * A-number 9 digits, phones digits, text trimmed). A version-8 id's claim
 * is checked for shape only: whatever seals or receives a request runs
 * validateWireRequest.
 */
export function validateRequest(input: unknown, today: IsoDate): ValidationResult<CaseRequest> {
  return validateWith(requestSchemas(today).CaseRequestSchema, input);
}

/**
 * validateRequest, then the one rule it cannot check synchronously: a
 * version-8 id must be the one its claim derives. What the server and the
 * outbox run on a request about to be sealed or received.
 */
export async function validateWireRequest(input: unknown, today: IsoDate): Promise<ValidationResult<CaseRequest>> {
  const checked = validateRequest(input, today);
  if (!checked.ok || !isClaimedId(checked.value.id)) return checked;
  if (await claimDerives(checked.value.claim, checked.value.id)) return checked;
  return { ok: false, issues: [{ code: 'claim.mismatch', path: 'id' }] };
}
