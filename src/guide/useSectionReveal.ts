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
 * `first` is how many the first render wrote; the ones after it are laid
 * out only when they near the view (`guide-section--later`, guide.css).
 */
export function useSectionReveal(ids: readonly string[] | null): { shown: number; first: number; whenAll: (act: () => void) => void } {
  const total = ids?.length ?? 0;
  // Worked out once per guide edition, when its sections arrive.
  const first = useMemo(() => (ids ? firstCount(ids) : 0), [ids]);
  const [shown, setShown] = useState(0);
  const waiting = useRef<(() => void)[]>([]);
  const count = Math.min(total, Math.max(shown, first));

  useEffect(() => {
    if (count >= total) {
      const acts = waiting.current.splice(0);
      for (const act of acts) act();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that shows what is in: the next section's render and
    // its layout are their own task.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown((n) => Math.max(n, count) + 1), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total]);

  const showAll = useCallback(() => setShown(Number.MAX_SAFE_INTEGER), []);
  const whenAll = useCallback(
    (act: () => void) => {
      if (count >= total) return act();
      waiting.current.push(act);
      showAll();
    },
    [count, total, showAll],
  );

  useEffect(() => {
    // The browser prints what is in the page when it is asked (Ctrl+P too).
    window.addEventListener('beforeprint', showAll);
    return () => window.removeEventListener('beforeprint', showAll);
  }, [showAll]);

  return { shown: count, first, whenAll };
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
