import type { ComponentChildren } from 'preact';
import { englishLanguage, formatDateTime } from './text';
import type { Attachment, RequestDetail } from './types';

/** What the person sent after the request (answers to "needs information"), each with its files. */
export function FollowUps(props: { detail: RequestDetail; files: (files: readonly Attachment[], followUpNumber: number) => ComponentChildren }) {
  const list = props.detail.followUps;
  return (
    <section class="staff-section" aria-labelledby="followups-title">
      <h2 id="followups-title">Follow-ups from the person</h2>
      {list.length === 0 ? (
        <p>The person has sent nothing since the request.</p>
      ) : (
        <ol class="staff-followups">
          {list.map((f, i) => (
            <li key={f.id}>
              <h3>
                Follow-up {i + 1}, received {formatDateTime(f.receivedAt)}
              </h3>
              <p class="staff-hint">Written in {englishLanguage(f.locale)}; answers request {props.detail.confirmation}.</p>
              {f.text ? <p class="staff-followup__text">{f.text}</p> : <p>No text, files only.</p>}
              {f.attachments.length > 0 && props.files(f.attachments, i + 1)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
