/**
 * Build-time compilation of the files under `locales/`, shared by the Vite
 * plugin and by the tests. Nothing here is shipped to the page: messages
 * leave as ICU ASTs (so the page needs no ICU parser) and the guide leaves
 * as HTML sections (so the page needs no Markdown parser).
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { Marked } from 'marked';

export type MessageCatalog = Record<string, string>;
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

export function compileMessages(source: MessageCatalog, file = 'messages.json'): CompiledCatalog {
  const out: CompiledCatalog = {};
  for (const [id, text] of Object.entries(source)) {
    if (typeof text !== 'string') throw new Error(`${file}: message "${id}" is not a string`);
    try {
      out[id] = parse(text, { requiresOtherClause: true });
    } catch (err) {
      throw new Error(`${file}: message "${id}" is not valid ICU MessageFormat: ${(err as Error).message}`);
    }
  }
  return out;
}

/**
 * Messages that are plain text (no argument) ship as strings rather than a
 * one-element AST: about 3% fewer bytes in every locale. `t()` returns them
 * as they are; everything else stays an AST.
 */
export function compactCatalog(catalog: CompiledCatalog): Record<string, string | MessageFormatElement[]> {
  const out: Record<string, string | MessageFormatElement[]> = {};
  for (const [id, ast] of Object.entries(catalog)) {
    const only = ast.length === 1 ? ast[0] : undefined;
    out[id] = only && only.type === TYPE.literal ? only.value : ast;
  }
  return out;
}

export interface GuideSection {
  id: string;
  title: string;
  /** Trusted HTML made at build time from our own Markdown; fact and action placeholders still in it. */
  html: string;
}

export interface CompiledGuide {
  title: string;
  /** Translation notice or edition line shown under the title, HTML. */
  lead: string;
  sections: GuideSection[];
}

const HEADING = /^## (.+?)\s*\{#([a-z0-9-]+)\}\s*$/;

/**
 * A guide file is a `# Title` line, an optional lead paragraph, then
 * sections that each start with `## Heading {#section-id}`. Ids are the
 * same in every language so deep links work whatever the reader's locale.
 */
export function compileGuide(markdown: string, file = 'guide.md'): CompiledGuide {
  const marked = new Marked({ gfm: true, breaks: false });
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const leadLines: string[] = [];
  const sections: { id: string; title: string; body: string[] }[] = [];
  for (const line of lines) {
    const h = HEADING.exec(line);
    if (h) {
      sections.push({ id: h[2]!, title: h[1]!.trim(), body: [] });
      continue;
    }
    if (!title && line.startsWith('# ')) {
      title = line.slice(2).trim();
      continue;
    }
    if (line.startsWith('## ')) throw new Error(`${file}: section heading without an id: "${line}"`);
    if (sections.length) sections[sections.length - 1]!.body.push(line);
    else leadLines.push(line);
  }
  if (!title) throw new Error(`${file}: the guide needs a "# Title" line`);
  const seen = new Set<string>();
  for (const s of sections) {
    if (seen.has(s.id)) throw new Error(`${file}: section id "${s.id}" appears twice`);
    seen.add(s.id);
  }
  const render = (md: string) => (marked.parse(md, { async: false }) as string).trim();
  return {
    title,
    lead: render(leadLines.join('\n')),
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      // Section headings inside a section start at level 3 in the page.
      html: render(s.body.join('\n').replace(/^### /gm, '### ')),
    })),
  };
}

/** Placeholders a guide or message may carry: `{{fact:id}}` and `{{action:id}}`. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{(fact|action):([A-Za-z0-9_.-]+)\}\}/g)].map((m) => `${m[1]}:${m[2]}`).sort();
}

/**
 * Messages are split at build time in two: the shell's strings, which the
 * first screen waits for, and every screen's strings, loaded right after
 * the first paint (or with the screen on a deep link). Two chunks rather
 * than one per screen: across twelve languages, gzip does noticeably better
 * on one larger file than on several small ones, and the precache budget
 * is tight. A key's first segment decides; anything not listed is shell.
 */
export const MESSAGE_NAMESPACES: Record<string, string> = {
  // Its own chunk: the guide is what most people open first, often by a
  // deep link, and it needs none of the other screens' strings.
  guide: 'guide',
  screener: 'app',
  request: 'app',
  drafts: 'app',
  outbox: 'app',
  settings: 'app',
  event: 'app',
  status: 'app',
  feedback: 'app',
};

export function namespaceOf(key: string): string {
  return MESSAGE_NAMESPACES[key.split('.')[0]!] ?? 'shell';
}

export function splitByNamespace<T>(catalog: Record<string, T>): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [key, value] of Object.entries(catalog)) (out[namespaceOf(key)] ??= {})[key] = value;
  return out;
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/**
 * The shape a translation must keep: each argument as `name:kind`, select
 * options, and a plural's exact (`=N`) cases; literal text is free.
 */
export function argumentSignature(ast: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of ast) {
    switch (el.type) {
      case TYPE.argument:
        out.add(`${el.value}:argument`);
        break;
      case TYPE.number:
        out.add(`${el.value}:number`);
        break;
      case TYPE.date:
        out.add(`${el.value}:date`);
        break;
      case TYPE.time:
        out.add(`${el.value}:time`);
        break;
      case TYPE.select:
        out.add(`${el.value}:select{${Object.keys(el.options).sort().join(',')}}`);
        for (const option of Object.values(el.options)) argumentSignature(option.value, out);
        break;
      case TYPE.plural: {
        const exact = Object.keys(el.options).filter((k) => !PLURAL_CATEGORIES.has(k));
        out.add(`${el.value}:${el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'}{${exact.sort().join(',')}}`);
        for (const option of Object.values(el.options)) argumentSignature(option.value, out);
        break;
      }
      case TYPE.tag:
        out.add(`${el.value}:tag`);
        argumentSignature(el.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** A message's signature: its arguments' shapes and its fact/action placeholders. */
export function messageSignature(text: string): string[] {
  return [...argumentSignature(parse(text, { requiresOtherClause: true })), ...placeholdersOf(text)].sort();
}

