import { useState } from 'preact/hooks';
import { useStaff, useStaffTitle } from './context';
import { Alert } from './Field';
import { RoleGate } from './RoleGate';
import { useLoad } from './use-load';
import { FEEDBACK_ANSWER_LABEL, FEEDBACK_QUESTION_LABEL, englishLanguage, formatDateTime } from './text';
import type { FeedbackGroup, FeedbackText, FeedbackView as View } from './types';
import { FEEDBACK_QUESTION_IDS, FEEDBACK_QUESTIONS } from '../shared/feedback-schema';

/** Listening-session feedback: answers counted per event and day, then the written words. Opening it is audited. */
export function FeedbackView() {
  useStaffTitle('Feedback');
  return (
    <RoleGate role="supervisor" title="Feedback">
      <Feedback />
    </RoleGate>
  );
}

function Feedback() {
  const { api } = useStaff();
  const [event, setEvent] = useState('');
  const [asked, setAsked] = useState('');
  const { data, failure, loading } = useLoad(() => api.get<View>(asked ? `feedback?event=${encodeURIComponent(asked)}` : 'feedback'), [asked]);
  return (
    <>
      <h1 tabIndex={-1}>Feedback</h1>
      <p>What people answered at listening sessions and in the app, counted per event and day. Contact details appear only when the person chose to give them.</p>
      <form
        class="staff-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(event.trim());
        }}
      >
        <div class="staff-field">
          <label for="feedback-event">Event id (optional)</label>
          <input id="feedback-event" value={event} onInput={(e) => setEvent(e.currentTarget.value)} />
        </div>
        <button type="submit" class="staff-button">
          Show
        </button>
      </form>
      {failure && <Alert>{failure}</Alert>}
      {loading && <p role="status">Loading feedback…</p>}
      {data && data.groups.length === 0 && <p>No feedback has arrived{asked ? ' for this event' : ''}.</p>}
      {data?.groups.map((g) => <Group key={`${g.eventId ?? ''}-${g.day}`} group={g} />)}
      {data && data.texts.length > 0 && <Texts texts={data.texts} />}
    </>
  );
}

function Group({ group }: { group: FeedbackGroup }) {
  const id = `fb-${group.day}-${(group.eventId ?? 'none').replace(/[^A-Za-z0-9-]/g, '')}`;
  return (
    <section class="staff-section" aria-labelledby={id}>
      <h2 id={id}>
        {group.eventId ? `Event ${group.eventId}` : 'Not at an event'}, {group.day}: {group.count} {group.count === 1 ? 'answer' : 'answers'}
      </h2>
      <div class="staff-table-wrap">
        <table class="staff-table">
          <caption>Satisfaction (1 = very unhappy, 5 = very happy)</caption>
          <thead>
            <tr>
              {(['1', '2', '3', '4', '5'] as const).map((r) => (
                <th scope="col" key={r}>
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {(['1', '2', '3', '4', '5'] as const).map((r) => (
                <td key={r}>{group.satisfaction[r]}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {FEEDBACK_QUESTION_IDS.map((q) => (
        <div class="staff-table-wrap" key={q}>
          <table class="staff-table">
            <caption>{FEEDBACK_QUESTION_LABEL[q]}</caption>
            <tbody>
              {FEEDBACK_QUESTIONS[q].map((a) => (
                <tr key={a}>
                  <th scope="row">{FEEDBACK_ANSWER_LABEL[a] ?? a}</th>
                  <td>{group.answers[q]?.[a] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <p>
        With written words: {group.withText}. With contact details: {group.withContact}.
      </p>
    </section>
  );
}

function Texts({ texts }: { texts: readonly FeedbackText[] }) {
  return (
    <section class="staff-section" aria-labelledby="feedback-texts">
      <h2 id="feedback-texts">Written questions and comments</h2>
      <ol class="staff-followups">
        {texts.map((t) => (
          <li key={t.id}>
            <h3>
              {formatDateTime(t.receivedAt)}, in {englishLanguage(t.locale)}
              {t.eventId ? `, event ${t.eventId}` : ''}
            </h3>
            <dl class="staff-fields">
              {t.satisfaction !== null && (
                <div>
                  <dt>Satisfaction</dt>
                  <dd>{t.satisfaction} of 5</dd>
                </div>
              )}
              {t.questions && (
                <div>
                  <dt>Questions</dt>
                  <dd class="staff-followup__text">{t.questions}</dd>
                </div>
              )}
              {t.comments && (
                <div>
                  <dt>Comments</dt>
                  <dd class="staff-followup__text">{t.comments}</dd>
                </div>
              )}
              {t.contact && (
                <div>
                  <dt>Contact (the person asked to be contacted)</dt>
                  <dd>{[t.contact.name, t.contact.email, t.contact.phone].filter(Boolean).join(' · ')}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
