import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * How many of the guide's sections are in the page. The first screen needs
 * the top of the guide only; writing every section at once made one long
 * task of the app's first render and one of its layout (40 and 70 ms on a
 * fast machine, four times that on a cheap phone), during which a tap waits.
 * So the sections go in one per frame after the first, each a short task.
 *
 * Nothing a reader can reach waits for that: a link into the guide
 * (/guide#how-to-ask) writes everything up to its section at once, and
 * anything that needs the whole text (an in-page link, reading the whole
 * guide aloud, printing) asks for the rest and acts once it is there
 * (`whenAll`).
 *
 * The view holds the hook; its list of sections (GuideSections, with
 * `useRevealedCount`) does the adding, so a step renders the list alone.
 */
export function useSectionReveal(ids: readonly string[] | null): { state: RevealState; whenAll: (act: () => void) => void } {
  // One object for the view's life: what was asked for survives a new edition (another language).
  const state = useRef<RevealState>({ total: 0, first: 0, shown: 0, all: false, waiting: [], wake: null }).current;
  // Worked out once per guide edition, when its sections arrive.
  const first = useMemo(() => (ids ? firstCount(ids) : 0), [ids]);
  state.total = ids?.length ?? 0;
  state.first = first;

  const showAll = useCallback(() => {
    state.all = true;
    state.wake?.();
  }, [state]);
  const whenAll = useCallback(
    (act: () => void) => {
      if (state.shown >= state.total) return act();
      state.waiting.push(act);
      showAll();
    },
    [state, showAll],
  );

  useEffect(() => {
    // The browser prints what is in the page when it is asked (Ctrl+P too).
    window.addEventListener('beforeprint', showAll);
    return () => window.removeEventListener('beforeprint', showAll);
  }, [showAll]);

  return { state, whenAll };
}

/**
 * The list's side (GuideSections): how many sections are in the page. It
 * adds the next one a frame after each, so each step renders the list
 * alone, not the guide's header, tools and contents again.
 */
export function useRevealedCount(state: RevealState): number {
  const [step, setStep] = useState(0);
  const [, setWoken] = useState(0);
  const count = state.all ? state.total : Math.min(state.total, Math.max(step, state.first));
  state.shown = count;

  useEffect(() => {
    state.wake = () => setWoken((n) => n + 1);
    return () => {
      state.wake = null;
    };
  }, [state]);

  useEffect(() => {
    if (count >= state.total) {
      const acts = state.waiting.splice(0);
      for (const act of acts) act();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that shows what is in: the next section's render and
    // its parse are their own task.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setStep((n) => Math.max(n, count) + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, state, state.total]);

  return count;
}

/** Shared by the guide's view (which asks for every section) and its list of sections (which adds them). */
export interface RevealState {
  total: number;
  /** How many sections the first render writes; those after it are laid out only near the view (`guide-section--later`). */
  first: number;
  /** How many are in the page now, as the list last rendered. */
  shown: number;
  /** Every section was asked for. */
  all: boolean;
  /** Acts waiting for every section to be in (`whenAll`). */
  waiting: (() => void)[];
  /** Renders the list again, while it is in the page. */
  wake: (() => void) | null;
}

const FIRST = 1;

/** The sections the first render writes: the top, or up to the one the address names; all when it names something inside one. */
function firstCount(ids: readonly string[]): number {
  const hash = safeDecode(location.hash.slice(1));
  if (!hash) return Math.min(FIRST, ids.length);
  const at = ids.indexOf(hash);
  return at < 0 ? ids.length : Math.max(FIRST, at + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
