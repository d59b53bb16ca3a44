import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/preact';
import { options } from 'preact';

// jsdom never paints: run Preact's after-paint effects on a plain timer. Its
// own fallback pairs requestAnimationFrame with a 35 ms timer that calls
// cancelAnimationFrame, which can fire after the file's jsdom is torn down.
(options as { requestAnimationFrame?: (cb: () => void) => void }).requestAnimationFrame = (cb) => {
  setTimeout(cb, 0);
};

// findBy… and waitFor wait on a condition; on a busy two-core machine a lazily
// loaded catalog (the print view's English copy) can take longer than the
// default second to arrive. The condition still decides; only the patience grows.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
