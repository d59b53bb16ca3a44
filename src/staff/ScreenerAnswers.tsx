import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/context';
import type { CaseRequest } from '../shared/request-schema';
import { screenerRows } from './screener-rows';

/** "Can we help?" as the person answered it before starting the request; a note when it began elsewhere. */
export function ScreenerAnswers({ request }: { request: CaseRequest }) {
  const { t, intl } = useI18n();
  const rows = useMemo(() => (request.screener ? screenerRows(request.screener, t, intl) : []), [request.screener]);
  return (
    <section class="staff-section" aria-labelledby="screener-title">
      <h2 id="screener-title">Self-check answers (“Can we help?”)</h2>
      {rows.length === 0 ? (
        <p>This request did not start from the self-check, or was sent by a version of the app that did not send its answers.</p>
      ) : (
        <>
          <p class="staff-hint">Each question in English, as the self-check asked it in the person’s language, with the answer they chose.</p>
          <dl class="staff-fields">
            {rows.map((row, i) => (
              <div key={i}>
                <dt>{row.question}</dt>
                <dd>{row.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
