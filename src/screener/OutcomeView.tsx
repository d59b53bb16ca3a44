/**
 * The result: what kind of answer it is, any warning that must come first
 * (an appeal deadline), why (reasons in plain words), the
 * processing-time check, warnings, next steps, what to prepare, and where
 * to go. "May help" results offer to start a request with the answers.
 */
import type { Ref } from 'preact';
import { useI18n } from '../i18n/context';
import type { OutcomeResult } from './engine';
import { formatDay } from './format';
import { outcomeKindMessageId, reasonMessageId } from './rules';
import { ReferralCard } from './ReferralCard';
import { useScreenerText } from './text';
import type { OutcomeKind } from './types';

const REFERRALS_TITLE: Readonly<Record<OutcomeKind, string>> = {
  'may-help': 'screener.view.referralsMayHelp',
  'first-try-uscis': 'screener.view.referralsFirstTryUscis',
  'not-yet': 'screener.view.referralsFirstTryUscis',
  'cannot-help': 'screener.view.referralsElsewhere',
  'go-elsewhere': 'screener.view.referralsElsewhere',
};

export function OutcomeView(props: { result: OutcomeResult; headingRef: Ref<HTMLHeadingElement>; onStartRequest: () => void }) {
  const { intl } = useI18n();
  const st = useScreenerText();
  const { result } = props;
  const { outcome, processing, urgent } = result;
  const kindText = st(outcomeKindMessageId(outcome.kind));
  const title = st(outcome.title);
  const day = (date: string) => formatDay(intl, date);
  // The processing box already says when the case will be outside the posted time; say the day only when it differs.
  const comeBack = outcome.comeBack && result.comeBackOn && result.comeBackOn !== processing?.outsideFrom ? outcome.comeBack : undefined;

  return (
    <article
      class={`screener-outcome screener-outcome--${outcome.kind}${urgent ? ' screener-outcome--urgent' : ''}`}
      aria-labelledby="screener-outcome-title"
      data-outcome={outcome.id}
      data-kind={outcome.kind}
    >
      <header class="screener-outcome__head">
        {kindText !== title && <p class="screener-outcome__kind">{kindText}</p>}
        <h2 id="screener-outcome-title" ref={props.headingRef} tabIndex={-1}>
          {title}
        </h2>
        {/* A deadline that can cost the case comes before everything else. */}
        {result.warnings.map((id) => (
          <div key={id} class="screener-notice screener-notice--first" role="note" data-warning={id}>
            <p>
              <strong>{st('screener.view.deadline')}</strong> {st(id)}
            </p>
          </div>
        ))}
        {urgent && (
          <p class="screener-outcome__urgent">
            <span aria-hidden="true">⚠ </span>
            {st('screener.urgent')}
          </p>
        )}
        <p class="screener-outcome__summary">{st(outcome.summary)}</p>
        {/* On a phone the answer is long: whoever it may help can start at once, not only at the end. */}
        {outcome.startsRequest && outcome.kind === 'may-help' && (
          <p class="screener-start__top no-print">
            <button type="button" class="button button--primary" onClick={props.onStartRequest}>
              {st('screener.view.startRequest')}
            </button>
          </p>
        )}
      </header>

      {result.reasons.length > 0 && (
        <section class="screener-section" aria-labelledby="screener-reasons-title">
          <h3 id="screener-reasons-title">{st('screener.view.reasons')}</h3>
          <ul class="screener-reasons">
            {result.reasons.map((code) => (
              <li key={code} data-reason={code}>
                {st(reasonMessageId(code))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {processing && (
        <section class="screener-section screener-processing" aria-labelledby="screener-processing-title">
          <h3 id="screener-processing-title">{st('screener.view.processingTitle')}</h3>
          <p class="screener-processing__result">
            <strong>
              {st(processing.outside ? 'screener.processing.outside' : 'screener.processing.within', { date: day(processing.outsideFrom) })}
            </strong>
          </p>
          <p class="screener-processing__basis">{st(`screener.processing.basis.${processing.basis === 'no-posted-time' ? 'noPostedTime' : processing.basis}`)}</p>
        </section>
      )}

      {comeBack && result.comeBackOn && (
        <p class="screener-comeback">
          <strong>{st(comeBack.message, { date: day(result.comeBackOn) })}</strong>
        </p>
      )}

      {result.notices.map((id) => (
        <div key={id} class="screener-notice" role="note">
          <p>
            <strong>{st('screener.view.important')}</strong> {st(id)}
          </p>
        </div>
      ))}

      {result.nextSteps.length > 0 && (
        <section class="screener-section" aria-labelledby="screener-steps-title">
          <h3 id="screener-steps-title">{st('screener.view.nextSteps')}</h3>
          <ol class="screener-steps">
            {result.nextSteps.map((id) => (
              <li key={id}>{st(id)}</li>
            ))}
          </ol>
        </section>
      )}

      {result.checklist.length > 0 && (
        <section class="screener-section" aria-labelledby="screener-checklist-title">
          <h3 id="screener-checklist-title">{st('screener.view.checklist')}</h3>
          <ul class="screener-checklist">
            {result.checklist.map((id) => (
              <li key={id}>{st(id)}</li>
            ))}
          </ul>
        </section>
      )}

      {outcome.startsRequest && (
        <div class="screener-start no-print">
          <button type="button" class="button button--primary screener-start__button" onClick={props.onStartRequest}>
            {st('screener.view.startRequest')}
          </button>
          <p class="field__hint">{st('screener.view.startRequestHelp')}</p>
        </div>
      )}

      {result.referrals.length > 0 && (
        <section class="screener-section" aria-labelledby="screener-referrals-title">
          <h3 id="screener-referrals-title">{st(REFERRALS_TITLE[outcome.kind])}</h3>
          <ul class="screener-referrals">
            {result.referrals.map((r) => (
              <ReferralCard key={r.id} referral={r} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
