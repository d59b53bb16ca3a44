import { useState } from 'preact/hooks';
import { useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { Table } from './Table';
import { RoleGate } from './RoleGate';
import { formatDateTime } from './text';
import { Pager, useCursorPages } from './paging';
import { useLoad } from './use-load';
import type { AuditEntry } from './types';

export const AUDIT_ACTIONS: Record<string, string> = {
  signin: 'Signed in',
  signin_failed: 'Failed sign-in',
  signout: 'Signed out',
  view_request: 'Viewed a request',
  view_attachment: 'Opened a file',
  review: 'Changed a review state',
  note: 'Added a note',
  assign: 'Assigned a request',
  export: 'Exported requests',
  staff_invite: 'Invited a staff member',
  staff_update: 'Changed a staff account',
  enrol: 'Finished enrolment',
  passkey_add: 'Added a passkey',
  passkey_remove: 'Removed a passkey',
  passkey_failed: 'Passkey refused',
  staff_reset: 'Reset a staff member’s sign-in',
};

export function AuditLog() {
  useStaffTitle('Audit log');
  return (
    <RoleGate role="supervisor" title="Audit log">
      <AuditTable />
    </RoleGate>
  );
}

function AuditTable() {
  const { api } = useStaff();
  const [action, setAction] = useState('');
  const pages = useCursorPages(action);
  const { cursor } = pages;
  const { data: page, failure } = useLoad(
    () => api.get<{ entries: AuditEntry[]; nextCursor: string | null }>('audit', { action: action || undefined, cursor: cursor || undefined, limit: 100 }),
    [action, cursor],
  );

  return (
    <>
      <h1 tabIndex={-1}>Audit log</h1>
      <p>Every sign-in, view, change and export, newest first. Nobody can change or delete an entry.</p>
      <div class="staff-field">
        <label for="audit-action">Show</label>
        <select
          id="audit-action"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
        >
          <option value="">Every action</option>
          {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {failure && <Alert>{failure}</Alert>}
      {page && page.entries.length === 0 && <p role="status">No entries.</p>}
      {page && page.entries.length > 0 && (
        <Table caption="Audit entries, newest first" hideCaption columns={['When', 'Who', 'What', 'On', 'Detail', 'From address']}>
          {page.entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor?.email ?? '—'}</td>
              <td>{AUDIT_ACTIONS[e.action] ?? e.action}</td>
              <td>{e.target ?? ''}</td>
              <td>{e.detail ?? ''}</td>
              <td>{e.ip}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager pages={pages} nextCursor={page?.nextCursor} />
    </>
  );
}
