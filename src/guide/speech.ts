/**
 * Choosing a voice and cutting text for the device's speech synthesis.
 * Pure except `speechBlocks`, which reads text out of rendered DOM.
 */

export interface VoiceLike {
  lang: string;
  name: string;
  default?: boolean;
  localService?: boolean;
}

function norm(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * The best voice for a BCP 47 tag: exact tag first, then the same language
 * in any region (a Mexican Spanish voice still reads Spanish). Among equals,
 * an on-device voice wins: it works offline. Undefined when none speaks
 * the language, and then the view offers no read-aloud at all.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | undefined {
  const want = norm(lang);
  const primary = want.split('-')[0]!;
  // Chromium and some Android engines tag Filipino "fil", others "tl".
  const primaries = primary === 'fil' || primary === 'tl' ? ['fil', 'tl'] : [primary];
  const score = (v: V): number => {
    const tag = norm(v.lang);
    let s = 0;
    if (tag === want) s = 4;
    else if (primaries.includes(tag.split('-')[0]!)) s = 2;
    else return 0;
    if (v.localService) s += 1;
    return s;
  };
  let best: V | undefined;
  let bestScore = 0;
  for (const v of voices) {
    const s = score(v);
    if (s > bestScore || (s === bestScore && s > 0 && v.default && !best?.default)) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Cuts text into pieces at sentence ends (then at commas or spaces) no
 * longer than `max` characters: Chromium stops speaking an utterance that
 * runs past about fifteen seconds, and short pieces let Stop act at once.
 */
export function splitForSpeech(text: string, max = 220): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (clean.length <= max) return [clean];
  const sentences = clean.match(/[^.!?。！？؟]+[.!?。！？؟]*\s*/g) ?? [clean];
  const pieces: string[] = [];
  let current = '';
  const push = (s: string) => {
    const t = s.trim();
    if (t) pieces.push(t);
  };
  for (const sentence of sentences) {
    if ((current + sentence).length <= max) {
      current += sentence;
      continue;
    }
    push(current);
    current = '';
    if (sentence.length <= max) {
      current = sentence;
      continue;
    }
    // One sentence longer than max: break at the last comma or space that fits.
    let rest = sentence;
    while (rest.length > max) {
      const window = rest.slice(0, max);
      const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('，'), window.lastIndexOf('、'), window.lastIndexOf(' '));
      const at = cut > max / 3 ? cut + 1 : max;
      push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    current = rest;
  }
  push(current);
  return pieces;
}

const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd';

/** The readable text of a rendered part of the guide, block by block, skipping buttons and anything marked `data-no-speech`. */
export function speechBlocks(root: Element, max = 220): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (el.closest('[data-no-speech], .guide-action, button')) continue;
    // A list item holding paragraphs is read through those paragraphs.
    if (el.querySelector(BLOCKS)) continue;
    out.push(...splitForSpeech(el.textContent ?? '', max));
  }
  return out;
}
