import { useState } from 'preact/hooks';
import { filterParams } from './api';
import { useStaff } from './context';
import { saveDownload } from './download';
import { Alert } from './Field';
import { errorText } from './text';
import type { InboxFilters } from './types';

const FORMATS = [
  { format: 'csv', label: 'Export CSV', file: 'requests.csv' },
  { format: 'jsonl', label: 'Export JSON Lines', file: 'requests.jsonl' },
  { format: 'zip', label: 'Export ZIP with files', file: 'requests.zip' },
] as const;

/** Downloads of the requests the current filter shows (supervisors; each export is audited). */
export function ExportButtons(props: { filters: InboxFilters }) {
  const { api } = useStaff();
  const [busy, setBusy] = useState('');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const run = async (format: string, file: string) => {
    setBusy(format);
    setFailure('');
    setStatus('Preparing the export…');
    try {
      saveDownload(await api.download('export', { ...filterParams(props.filters), format }, file));
      setStatus('The export was downloaded.');
    } catch (error) {
      setStatus('');
      setFailure(errorText(error));
    } finally {
      setBusy('');
    }
  };

  return (
    <section class="staff-exports" aria-labelledby="exports-title">
      <h2 id="exports-title">Export the requests this filter shows</h2>
      <div class="staff-row">
        {FORMATS.map((f) => (
          <button key={f.format} type="button" class="staff-button staff-button--quiet" disabled={Boolean(busy)} onClick={() => run(f.format, f.file)}>
            {f.label}
          </button>
        ))}
      </div>
      <p role="status" class="staff-status">
        {status}
      </p>
      {failure && <Alert>{failure}</Alert>}
    </section>
  );
}
