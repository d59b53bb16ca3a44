import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

/**
 * The unsent-requests badge reads IndexedDB through the outbox modules; it
 * loads after the first paint so the home screen's bundle stays small.
 */
export function LazyUnsentBadge() {
  const [Badge, setBadge] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void import('../requests/UnsentBadge')
        .then((m) => alive && setBadge(() => m.UnsentBadge))
        .catch(() => {});
    // After the first screen has painted: the badge is never urgent.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(load, { timeout: 2000 });
    return () => {
      alive = false;
    };
  }, []);
  return Badge ? <Badge /> : null;
}
