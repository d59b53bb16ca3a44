/**
 * Ends the task the caller runs in; it goes on in a new one, and a tap, a
 * frame or a network answer can come in between. Lighthouse counts every
 * task over 50 ms (on its four-times-slower phone: 12 ms here) as blocking,
 * and so does a person tapping, so the boot's steps each take one.
 * `scheduler.yield()` (Chromium) puts the rest before other waiting
 * tasks; elsewhere a zero timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
