import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { whenIdle } from './when-idle';

/**
 * The unsent-requests badge reads IndexedDB through the outbox modules; it
 * loads after the first paint so the home screen's bundle stays small.
 */
export function LazyUnsentBadge() {
  const [Badge, setBadge] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    let alive = true;
    // After the first screen has painted: the badge is never urgent.
    void whenIdle()
      .then(() => import('../requests/UnsentBadge'))
      .then((m) => alive && setBadge(() => m.UnsentBadge))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  return Badge ? <Badge /> : null;
}
