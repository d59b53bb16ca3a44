import { render } from 'preact';
import { App } from './app/App';
import { bootI18n, openingLocale, warmFormatting } from './app/boot';
import { nextTask } from './app/next-task';
import { whenIdle } from './app/when-idle';
import './app/styles.css';
// The guide's styles ship with the shell's, in the documents themselves
// (scripts/vite-plugin-inline-styles.ts): its prerendered text paints with
// them, waiting for no file.
import './guide/guide.css';

// The first paint waits only for the locale's messages (a precached chunk)
// and the formatting tables a worker builds meanwhile (see boot.ts);
// config, storage and the worker start beside it.
const root = document.getElementById('app')!;
// A page built with its first screen in it (guide.html) shows that first:
// its script (start-after-paint.ts) starts this one after the frame that
// paints it, and each step (reading the remembered language, starting the
// worker, asking for chunks, rendering) is a task of its own.
const prerendered = root.querySelector('main') !== null;
const step = () => (prerendered ? nextTask() : Promise.resolve());
openingCatalog()
  // Even if no catalog loads (an evicted cache on a first offline visit),
  // render: message ids beat a blank page, and the notice says why.
  .catch(() => ({ locale: 'en', messages: {}, fellBack: true, namespaces: [] }))
  // The strings were put together in the task that ends here; the render gets one of its own.
  .then((initial) => nextTask().then(() => initial))
  .then((initial) => {
    // Drop the static "Loading…" line; render() would keep it beside the app.
    root.textContent = '';
    render(<App initial={initial} />, root);
  })
  // The outbox's page triggers (start, online, visible, every minute) in
  // their own chunk, once the first screen is painted and the page is idle.
  .then(() => whenIdle())
  .then(() => import('./outbox/triggers'))
  .then((m) => m.startDeliveryTriggers())
  .catch(() => {})
  // Then what the office says about requests already delivered.
  .then(() => import('./status/triggers'))
  .then((m) => m.startStatusTriggers())
  .catch(() => {});

/** The first screen's strings, the formatting worker started beside them. */
async function openingCatalog() {
  await step();
  const code = openingLocale();
  await step();
  const formatting = warmFormatting(code);
  await step();
  return bootI18n(code, formatting);
}
