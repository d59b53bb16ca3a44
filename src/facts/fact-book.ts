/**
 * The one way views read contact facts: the published values of
 * contacts.ts with the office's overrides from /config.json laid over them.
 * Guide, screener, settings and print all ask the same book, so a phone
 * number the office changed is changed everywhere at once.
 *
 * An override is taken only for a fact that exists, of a kind a person
 * contacts (phone, fax, e-mail, web address, postal address), with a value
 * that fits that kind. Anything else is dropped quietly: a typo in the
 * office's file must never break the app or put a broken link in it.
 */
import type { FactOverride } from '../shared/public-config';
import { FACTS, isFactId, type Fact, type FactId, type FactKind } from './contacts';

export interface OverriddenFact {
  id: FactId;
  fact: Fact;
}

export interface FactBook {
  fact(id: FactId): Fact;
  /** Display text: web addresses lose their scheme and trailing slash, the rest shows as printed. */
  text(id: FactId): string;
  /** Link target, or undefined where a link would not help (fax, postal address, hours). */
  href(id: FactId): string | undefined;
  /** The facts the office changed, each with the office's own source and date. */
  overridden: readonly OverriddenFact[];
}

const digits = (s: string) => s.replace(/\D/g, '');
// Phones are dialled as US numbers (+1 and ten digits), as the published ones are.
const usPhone = (s: string) => /^[0-9 ()+.-]+$/.test(s) && /^1?\d{10}$/.test(digits(s));

const VALID: Partial<Record<FactKind, (value: string) => boolean>> = {
  phone: usPhone,
  fax: usPhone,
  email: (s) => /^[^\s@<>()"',;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s),
  url: (s) => {
    if (!/^https:\/\//.test(s) || /\s/.test(s)) return false;
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  },
  address: (s) => {
    const lines = s.split('\n');
    // Printable lines only: a control character would print as a box or nothing.
    const printable = [...s].every((c) => c === '\n' || (c >= ' ' && c !== '\u007f'));
    return printable && lines.length <= 8 && lines.every((l) => l.trim().length > 0 && l.length <= 120);
  },
};

/** Whether the office may replace this fact, and with this value. */
export function acceptsOverride(id: string, value: string): id is FactId {
  if (!isFactId(id)) return false;
  const valid = VALID[(FACTS[id] as Fact).kind];
  return valid !== undefined && valid(value);
}

function textOf(fact: Fact): string {
  if (fact.kind === 'url') return fact.value.replace(/^https:\/\//, '').replace(/\/$/, '');
  return fact.value;
}

function hrefOf(fact: Fact): string | undefined {
  switch (fact.kind) {
    case 'phone':
      return `tel:+1${digits(fact.value).replace(/^1(?=\d{10}$)/, '')}`;
    case 'email':
      return `mailto:${fact.value}`;
    case 'url':
      return fact.value;
    case 'form':
      return fact.href;
    default:
      return undefined;
  }
}

export function makeFactBook(overrides: Readonly<Record<string, FactOverride>> = {}): FactBook {
  const table = new Map<FactId, Fact>();
  const overridden: OverriddenFact[] = [];
  for (const [id, o] of Object.entries(overrides)) {
    if (!acceptsOverride(id, o.value)) continue;
    const fact: Fact = { kind: FACTS[id].kind, value: o.value, source: o.source, checked: o.checked };
    table.set(id, fact);
    overridden.push({ id, fact });
  }
  const fact = (id: FactId): Fact => table.get(id) ?? FACTS[id];
  return {
    fact,
    text: (id) => textOf(fact(id)),
    href: (id) => hrefOf(fact(id)),
    overridden,
  };
}

/** The facts as published in contacts.ts, before any /config.json has arrived. */
export const PUBLISHED_FACTS = makeFactBook();
