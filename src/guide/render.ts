/**
 * Turns a guide section's build-time HTML into the HTML the page shows:
 * `{{fact:id}}` becomes the contact fact from src/facts (escaped, linked
 * where a link helps) and `{{action:id}}` a button into the app. Pure: no
 * DOM, so it is tested in Node.
 *
 * Facts are wrapped with `dir="ltr"` (an element with `dir` is a bidi
 * isolate), so a phone number or e-mail address inside Arabic text keeps
 * its order and does not drag neighbouring words with it.
 */
import { isFactId, type Fact, type FactId } from '../facts/contacts';
import type { FactBook } from '../facts/fact-book';

export const GUIDE_ACTIONS = {
  'start-request': '/requests/new',
  'start-screener': '/screener',
} as const;

export type GuideActionId = keyof typeof GUIDE_ACTIONS;

export function isGuideAction(id: string): id is GuideActionId {
  return Object.prototype.hasOwnProperty.call(GUIDE_ACTIONS, id);
}

export interface RenderOptions {
  /** The button's text for an action, already translated. */
  actionLabel: (id: GuideActionId) => string;
  /** Where facts come from: the published ones with the office's overrides. */
  facts: FactBook;
}

export interface RenderedHtml {
  html: string;
  /** Placeholders that matched no fact or action; they render as nothing. Tests fail on any. */
  unknown: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function addressLines(value: string): string {
  return value
    .split('\n')
    .map((line) => `<bdi dir="ltr">${escapeHtml(line)}</bdi>`)
    .join('<br>');
}

/** One fact as inline HTML. */
export function factHtml(book: FactBook, id: FactId): string {
  const fact: Fact = book.fact(id);
  if (fact.kind === 'address') return `<span class="fact fact--address">${addressLines(fact.value)}</span>`;
  const text = escapeHtml(book.text(id));
  // Form numbers read as text: the step around them says where to get the form.
  const href = fact.kind === 'form' ? undefined : book.href(id);
  if (!href) return `<bdi class="fact fact--${fact.kind}" dir="ltr">${text}</bdi>`;
  const external = href.startsWith('https:') ? ' rel="noopener"' : '';
  return `<a class="fact fact--${fact.kind}" dir="ltr" href="${escapeHtml(href)}"${external}>${text}</a>`;
}

export function actionHtml(id: GuideActionId, label: string): string {
  return `<a class="button button--primary" href="${GUIDE_ACTIONS[id]}">${escapeHtml(label)}</a>`;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
// A placeholder alone in a paragraph: the paragraph becomes the action row or the address block.
const ALONE = /<p>\s*\{\{([^{}]*)\}\}\s*<\/p>/g;

function parse(body: string): { type: string; id: string } {
  const m = /^\s*(fact|action):([A-Za-z0-9_.-]+)\s*$/.exec(body);
  return m ? { type: m[1]!, id: m[2]! } : { type: '', id: '' };
}

export function renderGuideHtml(html: string, options: RenderOptions): RenderedHtml {
  const unknown: string[] = [];
  const inline = (body: string): string | null => {
    const { type, id } = parse(body);
    if (type === 'fact' && isFactId(id)) return factHtml(options.facts, id);
    if (type === 'action' && isGuideAction(id)) return actionHtml(id, options.actionLabel(id));
    return null;
  };
  const out = html
    .replace(ALONE, (whole, body: string) => {
      const { type, id } = parse(body);
      if (type === 'action' && isGuideAction(id)) return `<p class="guide-action">${actionHtml(id, options.actionLabel(id))}</p>`;
      const fact = type === 'fact' && isFactId(id) ? options.facts.fact(id) : undefined;
      if (fact?.kind === 'address') {
        return `<p class="fact fact--address">${addressLines(fact.value)}</p>`;
      }
      return whole;
    })
    .replace(PLACEHOLDER, (_whole, body: string) => {
      const done = inline(body);
      if (done !== null) return done;
      unknown.push(`{{${body}}}`);
      return '';
    });
  return { html: out, unknown };
}
