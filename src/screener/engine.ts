/**
 * The screener's engine: given rules (data), the answers so far and today's
 * date, it returns the next question or the outcome with its reasons.
 *
 * Pure: no DOM, no storage, no clock (`today` is an argument), no state
 * between calls. The view keeps the answers in memory and calls `evaluate`
 * after every change, so going back, changing an earlier answer or starting
 * over needs nothing here. Answers off the path actually taken (left over
 * from a branch the person backed out of) are kept by the view but ignored
 * here, and never reach the prefill.
 */
import { addDays, checkProcessingTime, daysBetween, isIsoDate, isPostedTime, type IsoDate, type ProcessingCheck } from '../shared/dates';
import type {
  AnswerValue,
  Answers,
  Condition,
  DateRef,
  ConditionalText,
  MessageId,
  Outcome,
  OutcomeId,
  Question,
  QuestionId,
  ReasonCode,
  Referral,
  Rules,
  ValidationError,
} from './types';

/**
 * Dates before this are refused as typing slips: a case still waiting on
 * USCIS (formed 2003) or its predecessor since before 1990 is not what a
 * person at an outreach table means when they type "1980".
 */
export const EARLIEST_DATE: IsoDate = '1990-01-01';

export interface QuestionStep {
  kind: 'question';
  question: Question;
  /** 0-based position of this question among those asked so far. */
  index: number;
  /** At most this many questions in all on any path from here (for "step 3 of at most 8"). */
  total: number;
  /** Questions answered on the way here, in order. */
  path: readonly QuestionId[];
  /** Set when a stored answer to this question is not valid (e.g. kept from an older version). */
  errors?: readonly ValidationError[];
}

export interface OutcomeResult {
  kind: 'outcome';
  outcome: Outcome;
  /** Never empty for rules that pass the property tests. */
  reasons: readonly ReasonCode[];
  urgent: boolean;
  /** Shown first, before the summary (e.g. the appeal deadline after a denial). */
  warnings: readonly MessageId[];
  /** The outcome's next steps whose conditions hold, in order. */
  nextSteps: readonly MessageId[];
  checklist: readonly MessageId[];
  notices: readonly MessageId[];
  referrals: readonly Referral[];
  /** Present when the processing-time questions were answered on the path. */
  processing?: ProcessingCheck;
  /** The day to come back, for outcomes that say "not yet". */
  comeBackOn?: IsoDate;
  path: readonly QuestionId[];
}

export type Evaluation = QuestionStep | OutcomeResult;

interface Context {
  rules: Rules;
  today: IsoDate;
  /** Valid answers on the path so far. */
  answers: Record<QuestionId, AnswerValue>;
  processing?: ProcessingCheck;
}

function holds(condition: Condition, ctx: Context): boolean {
  if ('ref' in condition) {
    const named = ctx.rules.conditions[condition.ref];
    if (!named) throw new Error(`screener rules: unknown condition "${condition.ref}"`);
    return holds(named, ctx);
  }
  if ('all' in condition) return condition.all.every((c) => holds(c, ctx));
  if ('any' in condition) return condition.any.some((c) => holds(c, ctx));
  if ('not' in condition) return !holds(condition.not, ctx);
  if ('processing' in condition) {
    const p = ctx.processing;
    if (!p) return false;
    if (condition.processing === 'outside') return p.outside;
    if (condition.processing === 'within') return !p.outside;
    return p.basis === 'no-posted-time';
  }
  const value = ctx.answers[condition.question];
  if (value === undefined) return false;
  if ('is' in condition) return value === condition.is;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('includesAny' in condition) return Array.isArray(value) && condition.includesAny.some((o) => value.includes(o));
  if ('unknown' in condition) return value === 'unknown';
  if (typeof value !== 'string' || !isIsoDate(value)) return false;
  if ('before' in condition) {
    const limit = dateOf(condition.before, ctx);
    return limit !== undefined && value < limit;
  }
  const days = daysBetween(value, ctx.today);
  const { min, max } = condition.daysAgo;
  return (min === undefined || days >= min) && (max === undefined || days <= max);
}

function dateOf(ref: DateRef, ctx: Context): IsoDate | undefined {
  if (ref === 'processing-outside') return ctx.processing?.outsideFrom;
  const base = ctx.answers[ref.question];
  return typeof base === 'string' && isIsoDate(base) ? addDays(base, ref.days) : undefined;
}

function updateProcessing(ctx: Context): void {
  const { receivedDate, postedTime, noPostedTimeMonths } = ctx.rules.processing;
  const received = ctx.answers[receivedDate];
  const posted = ctx.answers[postedTime];
  if (ctx.processing || typeof received !== 'string' || !isIsoDate(received) || !isPostedTime(posted)) return;
  ctx.processing = checkProcessingTime({ receivedDate: received, posted, today: ctx.today, noPostedTimeMonths });
}

const longestCache = new WeakMap<Rules, Map<QuestionId, number>>();

/** Questions on the longest path from `id` to an end, `id` included. Rules are acyclic (tested); a cycle counts as an end. */
function longestFrom(rules: Rules, id: QuestionId, seen: Set<QuestionId> = new Set()): number {
  let cache = longestCache.get(rules);
  if (!cache) longestCache.set(rules, (cache = new Map()));
  const known = cache.get(id);
  if (known !== undefined) return known;
  const question = rules.questions[id];
  if (!question || seen.has(id)) return 0;
  seen.add(id);
  let best = 0;
  for (const t of question.next) {
    if ('question' in t.to) best = Math.max(best, longestFrom(rules, t.to.question, seen));
  }
  seen.delete(id);
  cache.set(id, best + 1);
  return best + 1;
}

function pick(list: readonly ConditionalText[] | undefined, ctx: Context): MessageId[] {
  if (!list) return [];
  const out: MessageId[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (holds(item.when, ctx)) out.push(item.text);
  }
  return out;
}

function finish(outcomeId: OutcomeId, ctx: Context, path: QuestionId[]): OutcomeResult {
  const { rules } = ctx;
  const outcome = rules.outcomes[outcomeId];
  if (!outcome) throw new Error(`screener rules: unknown outcome "${outcomeId}"`);
  const reasons = outcome.reasons.filter((code) => holds(rules.reasons[code], ctx));
  const urgent = typeof outcome.urgent === 'boolean' ? outcome.urgent : holds(outcome.urgent, ctx);
  const referrals = outcome.referrals.map((id) => {
    const r = rules.referrals[id];
    if (!r) throw new Error(`screener rules: unknown referral "${id}"`);
    return r;
  });
  let comeBackOn: IsoDate | undefined;
  if (outcome.comeBack) {
    const days = [outcome.comeBack.on, ...(outcome.comeBack.orEarlier ?? []).filter((e) => holds(e.when, ctx)).map((e) => e.on)];
    for (const d of days.map((ref) => dateOf(ref, ctx))) if (d && (!comeBackOn || d < comeBackOn)) comeBackOn = d;
  }
  return {
    kind: 'outcome',
    outcome,
    reasons,
    urgent,
    warnings: pick(rules.warnings, ctx),
    nextSteps: pick(outcome.nextSteps, ctx),
    checklist: pick(outcome.checklist, ctx),
    notices: outcome.notices ?? [],
    referrals,
    ...(ctx.processing ? { processing: ctx.processing } : {}),
    ...(comeBackOn ? { comeBackOn } : {}),
    path,
  };
}

/**
 * The next question to ask, or the outcome. Throws only for broken rules
 * (unknown ids, a question without a matching transition), which the
 * property tests rule out; bad answers never throw, they are asked again.
 */
export function evaluate(rules: Rules, answers: Answers, today: IsoDate): Evaluation {
  if (!isIsoDate(today)) throw new RangeError(`today is not a calendar date: ${JSON.stringify(today)}`);
  const ctx: Context = { rules, today, answers: {} };
  const path: QuestionId[] = [];
  let id = rules.start;
  // Each question can be visited once on an acyclic graph; the bound stops a broken one.
  const limit = Object.keys(rules.questions).length;
  for (let visited = 0; visited <= limit; visited++) {
    const question = rules.questions[id];
    if (!question) throw new Error(`screener rules: unknown question "${id}"`);
    const value = answers[id];
    const total = path.length + longestFrom(rules, id);
    if (value === undefined) return { kind: 'question', question, index: path.length, total, path };
    const errors = validateAnswer(question, value, today);
    if (errors.length) return { kind: 'question', question, index: path.length, total, path, errors };
    ctx.answers[id] = value;
    path.push(id);
    updateProcessing(ctx);
    const transition = question.next.find((t) => !t.when || holds(t.when, ctx));
    if (!transition) throw new Error(`screener rules: no transition from "${id}"`);
    const target = transition.to;
    if ('question' in target) {
      id = target.question;
      continue;
    }
    if ('outcome' in target) return finish(target.outcome, ctx, path);
    const decided = rules.decision.find((d) => !d.when || holds(d.when, ctx));
    if (!decided) throw new Error('screener rules: no decision matched');
    return finish(decided.outcome, ctx, path);
  }
  throw new Error('screener rules: the questions form a cycle');
}

function monthErrors(n: unknown, maxMonths: number): ValidationError[] {
  if (n === undefined || n === null || n === '') return ['empty'];
  if (typeof n !== 'number' || !Number.isFinite(n)) return ['not-a-number'];
  if (n <= 0) return ['not-positive'];
  if (n > maxMonths) return ['too-long'];
  return [];
}

/**
 * Error codes for one answer; empty when it is acceptable. The view shows
 * `screener.error.<code>` beside the field and keeps every other answer.
 */
export function validateAnswer(question: Question, value: unknown, today: IsoDate): ValidationError[] {
  switch (question.kind) {
    case 'single': {
      if (typeof value !== 'string' || value === '') return ['empty'];
      return question.options.some((o) => o.id === value) ? [] : ['unknown-option'];
    }
    case 'multi': {
      if (!Array.isArray(value) || value.length === 0) return ['empty'];
      const chosen = question.options.filter((o) => value.includes(o.id));
      if (value.some((v) => typeof v !== 'string' || !question.options.some((o) => o.id === v))) return ['unknown-option'];
      if (chosen.length > 1 && chosen.some((o) => o.exclusive)) return ['exclusive-option'];
      return [];
    }
    case 'date': {
      if (typeof value !== 'string' || value.trim() === '') return ['empty'];
      if (value === 'unknown') return question.unknownLabel ? [] : ['impossible-date'];
      if (!isIsoDate(value)) return ['impossible-date'];
      if (value < EARLIEST_DATE) return ['date-before-1990'];
      if (value > today) return ['date-in-future'];
      return [];
    }
    case 'processing-time': {
      if (!isPostedTime(value)) return ['empty'];
      const v = value as { kind: unknown; months?: unknown; min?: unknown; max?: unknown };
      if (v.kind === 'none') return [];
      if (v.kind === 'months') return monthErrors(v.months, question.maxMonths);
      if (v.kind === 'range') {
        const errors = [...new Set([...monthErrors(v.min, question.maxMonths), ...monthErrors(v.max, question.maxMonths)])];
        if (errors.length) return errors;
        return (v.min as number) > (v.max as number) ? ['range-inverted'] : [];
      }
      return ['empty'];
    }
  }
}

