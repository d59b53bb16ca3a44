import { useState } from 'preact/hooks';
import { useStaff } from './context';
import { Alert } from './Field';
import { errorText, formatDateTime } from './text';
import { LIMITS, type Note, type RequestDetail } from './types';

/** Internal notes: staff only, never shown to the person. */
export function NotesPanel(props: { detail: RequestDetail; onAdded: (n: Note) => void }) {
  const { api } = useStaff();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const value = text.trim();
    const problem = !value ? 'Write the note first.' : value.length > LIMITS.note ? `Use at most ${LIMITS.note} characters.` : '';
    setError(problem);
    setFailure('');
    if (problem) {
      document.getElementById('note-text')?.focus();
      return;
    }
    setBusy(true);
    try {
      props.onAdded(await api.send<Note>('POST', `requests/${encodeURIComponent(props.detail.id)}/notes`, { text: value }));
      setText('');
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="staff-section staff-noprint" aria-labelledby="notes-title">
      <h2 id="notes-title">Internal notes</h2>
      {props.detail.notes.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ol class="staff-notes">
          {props.detail.notes.map((n) => (
            <li key={n.id}>
              <p class="staff-notes__meta">
                {n.by?.email ?? '—'}, {formatDateTime(n.at)}
              </p>
              <p class="staff-notes__text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {failure && <Alert>{failure}</Alert>}
      <form onSubmit={submit} noValidate>
        <div class={`staff-field${error ? ' staff-field--error' : ''}`}>
          <label for="note-text">New note</label>
          <p id="note-text-hint" class="staff-hint">
            Only staff see notes. At most {LIMITS.note} characters.
          </p>
          {error && (
            <p id="note-text-error" class="staff-error">
              {error}
            </p>
          )}
          <textarea
            id="note-text"
            rows={3}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'note-text-hint note-text-error' : 'note-text-hint'}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="staff-button" disabled={busy}>
          Add note
        </button>
      </form>
    </section>
  );
}
