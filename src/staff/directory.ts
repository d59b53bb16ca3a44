import { useEffect, useState } from 'preact/hooks';
import { hasRole, useStaff } from './context';
import type { DirectoryEntry } from './types';

/**
 * The active colleagues a supervisor can give requests to (GET
 * staff/directory). Officers never ask: the server would refuse them, and
 * they only take or give back their own.
 */
export function useDirectory(): { people: DirectoryEntry[]; failed: boolean } {
  const { api, me } = useStaff();
  const [people, setPeople] = useState<DirectoryEntry[]>([]);
  const [failed, setFailed] = useState(false);
  const allowed = hasRole(me, 'supervisor');
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    api
      .get<{ staff: DirectoryEntry[] }>('staff/directory')
      .then((r) => live && setPeople(r.staff))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [allowed]);
  return { people, failed };
}
