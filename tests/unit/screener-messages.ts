/**
 * Which message ids the screener relies on, and which placeholders a
 * message uses: shared by the English-catalog property test and the
 * every-locale completeness test so both check the same set.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { VIEW_MESSAGE_IDS, errorMessageId, outcomeKindMessageId, reasonMessageId } from '../../src/screener/rules';
import { REASON_CODES, VALIDATION_ERRORS, type ConditionalText, type Rules } from '../../src/screener/types';
import { OUTCOME_KINDS } from '../../src/shared/event-stats';

export { OUTCOME_KINDS };

/** The ids the rules and the view name: questions and options, outcomes, reasons, referrals, errors. */
export function screenerMessageIds(rules: Rules): string[] {
  const ids = new Set<string>();
  const add = (id: string | undefined) => void (id && ids.add(id));
  const addTexts = (list?: readonly ConditionalText[]) => list?.forEach((x) => add(typeof x === 'string' ? x : x.text));
  for (const q of Object.values(rules.questions)) {
    add(q.title);
    add(q.help);
    if (q.kind === 'single' || q.kind === 'multi') {
      for (const o of q.options) {
        add(o.label);
        add(o.help);
      }
    }
    if (q.kind === 'date') add(q.unknownLabel);
    if (q.kind === 'processing-time') Object.values(q.labels).forEach(add);
  }
  for (const o of Object.values(rules.outcomes)) {
    add(o.title);
    add(o.summary);
    addTexts(o.nextSteps);
    addTexts(o.checklist);
    o.notices?.forEach(add);
    add(o.comeBack?.message);
  }
  addTexts(rules.warnings);
  for (const r of Object.values(rules.referrals)) {
    add(r.name);
    add(r.description);
  }
  REASON_CODES.forEach((c) => add(reasonMessageId(c)));
  VALIDATION_ERRORS.forEach((c) => add(errorMessageId(c)));
  OUTCOME_KINDS.forEach((k) => add(outcomeKindMessageId(k)));
  VIEW_MESSAGE_IDS.forEach(add);
  return [...ids];
}

/** Names of every placeholder in a parsed message, nested plural/select branches and tags included. */
export function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') out.add(el.value);
    if ('options' in el) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if ('children' in el) argumentsOf(el.children, out);
  }
  return out;
}
