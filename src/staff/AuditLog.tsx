import { useState } from 'preact/hooks';
import { useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { Table } from './Table';
import { RoleGate } from './RoleGate';
import { formatDateTime } from './text';
import { Pager, useCursorPages } from './paging';
import { useLoad } from './use-load';
import type { AuditEntry } from './types';
import { AUDIT_ACTION_LABEL, auditAction, auditDetail, auditTarget } from './audit-words';

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
          {Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => (
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
              <td>{auditAction(e.action)}</td>
              <td>
                <Target entry={e} />
              </td>
              <td>{auditDetail(e)}</td>
              <td>{e.ip}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager pages={pages} nextCursor={page?.nextCursor} />
    </>
  );
}

function Target(props: { entry: AuditEntry }) {
  const target = auditTarget(props.entry);
  if (!target) return null;
  return target.href ? <a href={target.href}>{target.text}</a> : <>{target.text}</>;
}
