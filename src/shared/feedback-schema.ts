/**
 * Listening-session feedback: a satisfaction rating, a few fixed questions,
 * written questions and comments, and contact details only when the person
 * chooses to give them. Sealed on the device like a request (binding: its
 * id, purpose `feedback`) and delivered exactly once by its id:
 *
 *   PUT {apiBase}/feedback/{id}   sealed JSON envelope → 200/201 {id, receivedAt}
 *
 * The rating, the fixed answers, the event, the day and the language are
 * countable and name no one: the server keeps them in clear columns; the
 * texts and the contact stay sealed.
 */
import * as v from 'valibot';
import { checkEmail, checkIsoDateTime, checkLanguageTag, checkPhone, checkUuid } from './fields';
import { validateWith, type ValidationResult } from './request-schema';
import { crossCheck, field, isRecord, optionalField, optionalText, optionMessage, strict, typeMessage, type Issue } from './schema-blocks';
import type { ErrorCode } from './field-codes';

export const FEEDBACK_SCHEMA_VERSION = 1;
export const feedbackPurpose = 'feedback' as const;

/** The fixed questions and their answer codes; the app words them in each language, the console in English. */
export const FEEDBACK_QUESTIONS = {
  /** Did the session explain how the Ombudsman can help? */
  understood: ['yes', 'partly', 'no'],
  /** Would you ask the Ombudsman for help with a USCIS problem? */
  would_ask: ['yes', 'maybe', 'no'],
  /** How did you hear about this session? */
  heard_from: ['community_group', 'faith_group', 'friend_family', 'online', 'government', 'other'],
} as const;
export type FeedbackQuestion = keyof typeof FEEDBACK_QUESTIONS;
export const FEEDBACK_QUESTION_IDS = Object.keys(FEEDBACK_QUESTIONS) as FeedbackQuestion[];

export const FEEDBACK_LIMITS = { text: 2000, contactName: 200 } as const;

const answer = (q: FeedbackQuestion) => v.optional(v.picklist(FEEDBACK_QUESTIONS[q], optionMessage));

export const FeedbackSchema = v.pipe(
  strict({
    id: field(checkUuid),
    schemaVersion: v.literal(FEEDBACK_SCHEMA_VERSION, (issue: Issue): ErrorCode => (issue.input === undefined ? 'required' : 'version.unsupported')),
    locale: field(checkLanguageTag),
    /** The outreach event, when collected on a tablet in event mode. */
    eventId: optionalField(checkUuid),
    satisfaction: v.optional(v.pipe(v.number(typeMessage), v.integer('invalid_option'), v.minValue(1, 'invalid_option'), v.maxValue(5, 'invalid_option'))),
    answers: v.optional(strict({ understood: answer('understood'), would_ask: answer('would_ask'), heard_from: answer('heard_from') }), {}),
    questions: optionalText(FEEDBACK_LIMITS.text, true),
    comments: optionalText(FEEDBACK_LIMITS.text, true),
    /** Only when the person chooses to be contacted. */
    contact: v.optional(
      strict({
        name: optionalText(FEEDBACK_LIMITS.contactName),
        email: optionalField(checkEmail),
        phone: optionalField(checkPhone),
      }),
    ),
    submittedAt: field(checkIsoDateTime),
  }),
  // Something must be said: an empty form is not feedback.
  crossCheck((root, issues) => {
    if (!isRecord(root) || issues?.length) return [];
    const answers = isRecord(root.answers) ? Object.values(root.answers).filter((a) => a !== undefined) : [];
    const said = root.satisfaction !== undefined || answers.length > 0 || !!root.questions || !!root.comments;
    return said ? [] : [{ code: 'required', at: [] }];
  }),
);

export type Feedback = v.InferOutput<typeof FeedbackSchema>;

export function validateFeedback(input: unknown): ValidationResult<Feedback> {
  return validateWith(FeedbackSchema, input);
}

/** Contact details count only when at least one was given. */
export const hasContact = (f: Feedback): boolean => !!(f.contact && (f.contact.name || f.contact.email || f.contact.phone));
