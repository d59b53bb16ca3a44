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
  type FieldResult,
  type IsoDate,
  ERROR_CODES,
  MAX_SIGNATURE_DATA_URL,
  checkANumber,
  checkCitizenship,
  checkCountry,
  checkEmail,
  checkForeignPostalCode,
  checkFormType,
  checkIsoDateTime,
  checkLanguageTag,
  checkPastDate,
  checkPhone,
  checkPngDataUrl,
  checkReceiptNumber,
  checkServiceRequestNumber,
  checkSha256,
  checkText,
  checkUscisAccountNumber,
  checkUsState,
  checkUuid,
  checkZip,
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
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

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

// ---------------------------------------------------------------------------
// Building blocks: every message is an error code.

type Issue = v.BaseIssue<unknown>;

/** A missing value is "required"; a value of the wrong type is "type". */
const typeMessage = (issue: Issue): ErrorCode =>
  issue.input === undefined || issue.input === null ? 'required' : 'type';

/** Objects: a missing key is "required", an extra key "unknown_field". */
const objectMessage = (issue: Issue): ErrorCode => {
  if (issue.expected === 'never') return 'unknown_field';
  return typeMessage(issue);
};

/** Choice lists: missing is "required", anything else "invalid_option". */
const optionMessage = (issue: Issue): ErrorCode =>
  issue.input === undefined || issue.input === null ? 'required' : 'invalid_option';

/** Variants report a bad discriminator with a path, a non-object without. */
const variantMessage = (issue: Issue): ErrorCode => (issue.path ? optionMessage(issue) : typeMessage(issue));

function strict<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject(entries, objectMessage);
}

/** A required string run through a fields.ts rule, which may normalize it. */
function field(rule: (input: string) => FieldResult) {
  return v.pipe(
    v.string(typeMessage),
    v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
      const result = rule(dataset.value);
      if (result.ok) return result.value;
      addIssue({ message: result.code });
      return NEVER;
    }),
  );
}

/** An optional string: absent or blank becomes undefined, anything else must pass the rule. */
function optionalField(rule: (input: string) => FieldResult) {
  return v.optional(
    v.pipe(
      v.string(typeMessage),
      v.rawTransform<string, string | undefined>(({ dataset, addIssue, NEVER }) => {
        if (dataset.value.trim() === '') return undefined;
        const result = rule(dataset.value);
        if (result.ok) return result.value;
        addIssue({ message: result.code });
        return NEVER;
      }),
    ),
  );
}

function requiredText(max: number, multiline = false) {
  return field((input) => {
    const result = checkText(input, max, multiline);
    return result.ok && result.value === '' ? { ok: false, code: 'required' } : result;
  });
}

function optionalText(max: number, multiline = false) {
  return optionalField((input) => checkText(input, max, multiline));
}

function pastDate(today: IsoDate) {
  return field((input) => checkPastDate(input, today));
}

/** A date where blank means "not known". */
function optionalPastDate(today: IsoDate) {
  return optionalField((input) => checkPastDate(input, today));
}

type PathKey = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Issue path items for `keys` below `root`, as valibot's own schemas make them. */
function pathItems(root: unknown, keys: readonly PathKey[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let node: unknown = root;
  for (const key of keys) {
    const value: unknown = Array.isArray(node) ? node[key as number] : isRecord(node) ? node[key] : undefined;
    if (typeof key === 'number') {
      items.push({ type: 'array', origin: 'value', input: Array.isArray(node) ? node : [], key, value });
    } else {
      items.push({ type: 'object', origin: 'value', input: isRecord(node) ? node : {}, key, value });
    }
    node = value;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** True when an earlier schema already flagged something at or below `keys`. */
function hasIssueAt(issues: readonly Issue[] | undefined, keys: readonly PathKey[]): boolean {
  return (issues ?? []).some((issue) => {
    const path = issue.path ?? [];
    return keys.every((key, i) => path[i]?.key === key);
  });
}

function valueAt(root: unknown, keys: readonly PathKey[]): unknown {
  let node = root;
  for (const key of keys) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Cross-field rules as (root, issues) → problems. They run even when other
 * fields are wrong, so a person sees every problem at once, but never on a
 * field that already has its own issue.
 */
type CrossRule = (root: unknown, issues: readonly Issue[] | undefined) => { code: ErrorCode; at: PathKey[] }[];

function crossCheck<TInput>(rule: CrossRule) {
  return v.rawCheck<TInput>(({ dataset, addIssue }) => {
    const root: unknown = dataset.value;
    for (const problem of rule(root, dataset.issues)) {
      if (problem.at.length === 0) addIssue({ message: problem.code });
      else addIssue({ message: problem.code, path: pathItems(root, problem.at) });
    }
  });
}

/** A list with a length bound whose entries must differ (compared after normalization). */
function uniqueList<TItem extends v.GenericSchema>(item: TItem, max: number, min = 0) {
  return v.pipe(
    v.array(item, typeMessage),
    v.minLength(min, 'required'),
    v.maxLength(max, 'too_many'),
    crossCheck<v.InferOutput<TItem>[]>((root, issues) => {
      if (!Array.isArray(root)) return [];
      const seen = new Set<unknown>();
      const problems: { code: ErrorCode; at: PathKey[] }[] = [];
      root.forEach((value, index) => {
        if (hasIssueAt(issues, [index])) return;
        if (seen.has(value)) problems.push({ code: 'duplicate', at: [index] });
        seen.add(value);
      });
      return problems;
    }),
  );
}

// ---------------------------------------------------------------------------
// Wire objects

const addressCommon = {
  inCareOf: optionalText(LIMITS.inCareOf),
  line1: requiredText(LIMITS.addressLine),
  line2: optionalText(LIMITS.addressLine2),
  city: requiredText(LIMITS.city),
};

export const UsAddressSchema = strict({
  kind: v.literal('us', optionMessage),
  ...addressCommon,
  state: field(checkUsState),
  zip: field(checkZip),
});

/** Territories with USPS state codes take a U.S. address, not a foreign one. */
const US_DOMESTIC_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

export const ForeignAddressSchema = strict({
  kind: v.literal('foreign', optionMessage),
  ...addressCommon,
  province: optionalText(LIMITS.province),
  postalCode: optionalField(checkForeignPostalCode),
  country: field((input) => {
    const result = checkCountry(input);
    return result.ok && US_DOMESTIC_COUNTRIES.has(result.value) ? { ok: false, code: 'country.not_foreign' } : result;
  }),
});

export const AddressSchema = v.variant('kind', [UsAddressSchema, ForeignAddressSchema], variantMessage);

/** The person the request is about: the applicant or petitioner, never the helper. */
export function makePersonSchema(today: IsoDate) {
  return strict({
    familyName: requiredText(LIMITS.name),
    // Optional: people with one name write it as the family name.
    givenName: optionalText(LIMITS.name),
    middleName: optionalText(LIMITS.name),
    otherNames: v.optional(uniqueList(requiredText(LIMITS.otherName), LIMITS.otherNames), []),
    dateOfBirth: pastDate(today),
    countryOfBirth: field(checkCountry),
    citizenship: field(checkCitizenship),
    // Not everyone has an A-number or a USCIS online account.
    aNumber: optionalField(checkANumber),
    uscisAccountNumber: optionalField(checkUscisAccountNumber),
    address: AddressSchema,
    phone: optionalField(checkPhone),
    email: optionalField(checkEmail),
    preferredLanguage: optionalField(checkLanguageTag),
  });
}

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
  );
}

// ---------------------------------------------------------------------------
// Types

export type CaseRequestSchemaType = ReturnType<typeof makeCaseRequestSchema>;
/** A valid, normalized request. */
export type CaseRequest = v.InferOutput<CaseRequestSchemaType>;
/** What a client sends before normalization. */
export type CaseRequestInput = v.InferInput<CaseRequestSchemaType>;
export type Person = v.InferOutput<ReturnType<typeof makePersonSchema>>;
export type Address = v.InferOutput<typeof AddressSchema>;
export type Submitter = v.InferOutput<typeof SubmitterSchema>;
export type CaseDetails = v.InferOutput<ReturnType<typeof makeCaseSchema>>;
export type PriorAttempt = v.InferOutput<ReturnType<typeof makePriorAttemptSchema>>;
export type Consent = v.InferOutput<ReturnType<typeof makeConsentSchema>>;
export type Signature = v.InferOutput<typeof SignatureSchema>;
export type AttachmentRef = v.InferOutput<typeof AttachmentRefSchema>;

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
// Validation results as codes and paths

/** One problem: a stable code and the dot-separated field path ('' for the whole request). */
export interface RequestIssue {
  code: ErrorCode;
  path: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: RequestIssue[] };

const CODE_SET = new Set<string>(ERROR_CODES);

function isErrorCode(message: string): message is ErrorCode {
  return CODE_SET.has(message);
}

/** valibot issues → {code, path}, in order, without repeats. */
export function toRequestIssues(issues: readonly Issue[]): RequestIssue[] {
  const out: RequestIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    // Anything not ours (a valibot default) is a wrong shape: "type".
    const code: ErrorCode = isErrorCode(issue.message) ? issue.message : 'type';
    const items = issue.path ?? [];
    // An unknown key is the client's own text (possibly markup): report it at its parent, never echo it.
    const known = code === 'unknown_field' ? items.slice(0, -1) : items;
    const path = known.map((item) => String(item.key)).join('.');
    const key = `${code} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code, path });
  }
  return out;
}

/** Runs any schema and answers codes and paths. */
export function validateWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ValidationResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input, { abortEarly: false });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: toRequestIssues(result.issues) };
}

/**
 * Validates a whole request: the form before submit (today = deviceToday())
 * and the server on receipt (today = serverToday()) call this same function.
 * On success the value is normalized (receipt numbers compact and uppercase,
 * A-number 9 digits, phones digits, text trimmed).
 */
export function validateRequest(input: unknown, today: IsoDate): ValidationResult<CaseRequest> {
  return validateWith(requestSchemas(today).CaseRequestSchema, input);
}

/** Issues grouped by field path, for showing each message beside its field. */
export function issuesByPath(issues: readonly RequestIssue[]): Record<string, ErrorCode[]> {
  const byPath: Record<string, ErrorCode[]> = {};
  for (const issue of issues) (byPath[issue.path] ??= []).push(issue.code);
  return byPath;
}

/** Issues at or below a path prefix ('person', 'case.priorAttempts.0'): one form step's share. */
export function issuesUnder(issues: readonly RequestIssue[], prefix: string): RequestIssue[] {
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
}

// ---------------------------------------------------------------------------
// Drafts: what the form autosaves while a person types

/**
 * Drafts are partial and must never be refused or trimmed: every field is
 * optional, strings are kept exactly as typed, unknown keys (from a newer
 * version of the app) are kept, and a value of the wrong type is dropped on
 * its own rather than failing the draft. Validation happens on submit.
 */
const draftString = v.fallback(v.optional(v.string()), undefined);
const draftBoolean = v.fallback(v.optional(v.boolean()), undefined);
const draftStrings = v.fallback(v.optional(v.array(v.fallback(v.string(), ''))), undefined);

function draftObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.fallback(v.optional(v.looseObject(entries)), undefined);
}

export const DraftAddressSchema = v.looseObject({
  kind: v.fallback(v.optional(v.picklist(ADDRESS_KINDS)), undefined),
  inCareOf: draftString,
  line1: draftString,
  line2: draftString,
  city: draftString,
  state: draftString,
  zip: draftString,
  province: draftString,
  postalCode: draftString,
  country: draftString,
});

export const DraftAttachmentSchema = v.looseObject({
  id: draftString,
  name: draftString,
  type: draftString,
  size: v.fallback(v.optional(v.number()), undefined),
  sha256: draftString,
});

export const DraftSchema = v.looseObject({
  /** "I am helping someone": the submitter part applies. */
  helping: draftBoolean,
  person: draftObject({
    familyName: draftString,
    givenName: draftString,
    middleName: draftString,
    otherNames: draftStrings,
    dateOfBirth: draftString,
    countryOfBirth: draftString,
    citizenship: draftString,
    aNumber: draftString,
    uscisAccountNumber: draftString,
    address: v.fallback(v.optional(DraftAddressSchema), undefined),
    phone: draftString,
    email: draftString,
    preferredLanguage: draftString,
  }),
  submitter: draftObject({
    relationship: draftString,
    relationshipOther: draftString,
    name: draftString,
    organization: draftString,
    phone: draftString,
    email: draftString,
    g28OnFile: draftBoolean,
  }),
  case: draftObject({
    formTypes: draftStrings,
    receiptNumbers: draftStrings,
    dateFiled: draftString,
    office: draftString,
    problemKinds: draftStrings,
    whatHappened: draftString,
    helpWanted: draftString,
    priorAttempts: v.fallback(
      v.optional(
        v.array(
          v.fallback(
            v.looseObject({ channel: draftString, date: draftString, serviceRequestNumber: draftString }),
            {},
          ),
        ),
      ),
      undefined,
    ),
  }),
  consent: draftObject({
    agreed: draftBoolean,
    shareWithSubmitter: draftBoolean,
    signature: draftObject({
      kind: v.fallback(v.optional(v.picklist(SIGNATURE_KINDS)), undefined),
      name: draftString,
      pngDataUrl: draftString,
    }),
    date: draftString,
  }),
  attachments: v.fallback(v.optional(v.array(v.fallback(DraftAttachmentSchema, {}))), undefined),
});

export type DraftData = v.InferOutput<typeof DraftSchema>;

/** Reads a stored draft; never fails (anything unreadable becomes an empty draft). */
export function parseDraft(input: unknown): DraftData {
  const result = v.safeParse(DraftSchema, input);
  return result.success ? result.output : {};
}

export interface RequestEnvelope {
  id: string;
  locale: string;
  createdAt: string;
  submittedAt: string;
}

/** Absent stays absent; the wire rules treat blank optional fields as absent too. */
const keep = (value: string | undefined): string | undefined => value;
/** A required string: absent becomes '', which the wire rules answer with "required". */
const need = (value: string | undefined): string => value ?? '';

/**
 * Builds the wire input from a draft, for validateRequest(). Nothing is
 * normalized here (the schema does that) and list entries are never dropped,
 * so every issue path points at the input the person typed in: a blank
 * receipt field at index 2 is reported at case.receiptNumbers.2.
 */
export function draftToRequestInput(draft: DraftData, envelope: RequestEnvelope): Record<string, unknown> {
  const person = draft.person ?? {};
  const address = person.address ?? {};
  const theCase = draft.case ?? {};
  const consent = draft.consent ?? {};
  const signature = consent.signature ?? {};
  const helping = draft.helping === true;

  const addressCommon = {
    kind: address.kind ?? 'us',
    inCareOf: keep(address.inCareOf),
    line1: need(address.line1),
    line2: keep(address.line2),
    city: need(address.city),
  };
  const wireAddress =
    addressCommon.kind === 'foreign'
      ? { ...addressCommon, province: keep(address.province), postalCode: keep(address.postalCode), country: need(address.country) }
      : { ...addressCommon, state: need(address.state), zip: need(address.zip) };

  const submitter = draft.submitter ?? {};
  return {
    id: envelope.id,
    schemaVersion: REQUEST_SCHEMA_VERSION,
    locale: envelope.locale,
    person: {
      familyName: need(person.familyName),
      givenName: keep(person.givenName),
      middleName: keep(person.middleName),
      otherNames: person.otherNames ?? [],
      dateOfBirth: need(person.dateOfBirth),
      countryOfBirth: need(person.countryOfBirth),
      citizenship: need(person.citizenship),
      aNumber: keep(person.aNumber),
      uscisAccountNumber: keep(person.uscisAccountNumber),
      address: wireAddress,
      phone: keep(person.phone),
      email: keep(person.email),
      preferredLanguage: keep(person.preferredLanguage),
    },
    submitter: helping
      ? {
          relationship: submitter.relationship,
          relationshipOther: keep(submitter.relationshipOther),
          name: need(submitter.name),
          organization: keep(submitter.organization),
          phone: keep(submitter.phone),
          email: keep(submitter.email),
          g28OnFile: submitter.g28OnFile === true,
        }
      : undefined,
    case: {
      formTypes: theCase.formTypes ?? [],
      receiptNumbers: theCase.receiptNumbers ?? [],
      dateFiled: keep(theCase.dateFiled),
      office: keep(theCase.office),
      problemKinds: theCase.problemKinds ?? [],
      whatHappened: need(theCase.whatHappened),
      helpWanted: need(theCase.helpWanted),
      priorAttempts: (theCase.priorAttempts ?? []).map((attempt) => ({
        channel: attempt.channel,
        date: need(attempt.date),
        serviceRequestNumber: keep(attempt.serviceRequestNumber),
      })),
    },
    consent: {
      agreed: consent.agreed === true,
      shareWithSubmitter: helping ? consent.shareWithSubmitter === true : undefined,
      signedBy: 'person',
      signature:
        signature.kind === 'drawn'
          ? { kind: 'drawn', pngDataUrl: need(signature.pngDataUrl) }
          : { kind: 'typed', name: need(signature.name) },
      date: need(consent.date),
    },
    attachments: (draft.attachments ?? []).map((file) => ({
      id: need(file.id),
      name: need(file.name),
      type: need(file.type),
      size: file.size,
      sha256: need(file.sha256),
    })),
    createdAt: envelope.createdAt,
    submittedAt: envelope.submittedAt,
  };
}
