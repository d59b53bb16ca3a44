/**
 * The prerendered guide's script: guide.html names it instead of the app's
 * entry (scripts/vite-plugin-preload.ts writes the entry's address and the
 * files it imports into this script's data-start and data-preload). The
 * page's text is in the document, so the first paint needs no script, but
 * a module script the document names is fetched, compiled and run before
 * that paint once the parser is done. Offline that was ~20 ms of the main
 * thread before the text showed (reloads of variants of the page, medians
 * of 13: no scripts 61-65 ms, the entry and its preloads 84-86 ms). This
 * file is a few bytes; it asks for the app once the text is on screen,
 * and meanwhile the page's links and text work as they are.
 */
const tag = document.querySelector<HTMLScriptElement>('script[data-start]');
if (tag?.dataset.start) {
  const { start, preload = '' } = tag.dataset;
  // The entry's imports asked for beside it, not one round trip after it.
  // One element a task: asking for a file took 2-3 ms of the main thread
  // each in a trace, and the four in one task made one of the guide's
  // longest after its first paint (up to 23 ms).
  const steps = [
    ...preload
      .split(' ')
      .filter(Boolean)
      .map((href) => () => document.head.append(element('link', { rel: 'modulepreload', href }))),
    () => document.head.append(element('script', { type: 'module', src: start })),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length) setTimeout(next, 0);
  };
  requestAnimationFrame(() => setTimeout(next, 0));
}

function element(name: 'link' | 'script', attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(name);
  // As Vite writes them: the preloads and the script must match to share one fetch.
  el.setAttribute('crossorigin', '');
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  return el;
}
