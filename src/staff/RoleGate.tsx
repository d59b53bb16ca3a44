import type { ComponentChildren } from 'preact';
import { hasRole, useStaff } from './context';
import type { Role } from './types';
import { ROLE_LABEL } from './text';

/** A screen only some roles may use; others get a clear sentence, not a broken page. */
export function RoleGate(props: { role: Role; title: string; children: ComponentChildren }) {
  const { me } = useStaff();
  if (hasRole(me, props.role)) return <>{props.children}</>;
  return (
    <>
      <h1 tabIndex={-1}>{props.title}</h1>
      <p>This screen is for the {ROLE_LABEL[props.role].toLowerCase()} role and above.</p>
    </>
  );
}
