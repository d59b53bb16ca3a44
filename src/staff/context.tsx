import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { tabStore } from '../storage/web-storage';
import type { Api } from './api';
import { ROLES, type Me, type Role } from './types';

export interface StaffContextValue {
  me: Me;
  api: Api;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside the signed-in console');
  return value;
}

/** Roles are nested: a supervisor can do what an officer can, an admin what a supervisor can. */
export function hasRole(me: Pick<Me, 'role'>, needed: Role): boolean {
  return ROLES.indexOf(me.role) >= ROLES.indexOf(needed);
}

/** The tab's title from the screen's name, never from a person's data. */
export function useStaffTitle(screen: string) {
  useEffect(() => {
    document.title = `${screen} · Office console · CIS Ombudsman`;
  }, [screen]);
}

const RETURN_KEY = 'staff.returnTo';

/** Where to go back after signing in again (a path of the console; kept for this tab only). */
export function rememberReturn(path: string) {
  if (!path.startsWith('/staff') || path.startsWith('/staff/signin') || path.startsWith('/staff/enrol')) return;
  try {
    tabStore()?.setItem(RETURN_KEY, path);
  } catch {
    // Storage refused (private mode): the inbox is a fine place to land.
  }
}

export function takeReturn(): string {
  try {
    const store = tabStore();
    const path = store?.getItem(RETURN_KEY);
    store?.removeItem(RETURN_KEY);
    // Only a path of this console, never another site.
    if (path && /^\/staff(?:[/?#]|$)/.test(path)) return path;
  } catch {
    // As above.
  }
  return '/staff';
}
