/**
 * Where to go: a referral's name and what it does, with its phone numbers
 * and web addresses from src/facts (never typed in messages). The visible
 * text is the number or address itself, so a printout is still useful.
 */
import { FACTS, isFactId, type FactId } from '../facts/contacts';
import { useFacts } from '../facts/use-facts';
import { useScreenerText } from './text';
import type { Referral } from './types';

function factLabelId(id: FactId): string {
  if (/Tty$/.test(id)) return 'screener.view.factTty';
  const kind: string = FACTS[id].kind;
  return kind === 'phone' ? 'screener.view.factPhone' : kind === 'email' ? 'screener.view.factEmail' : 'screener.view.factWeb';
}

export function ReferralCard(props: { referral: Referral }) {
  const st = useScreenerText();
  const book = useFacts();
  const { referral } = props;
  // Facts not (yet) in src/facts are skipped: the name and description still say where to go.
  const facts = referral.facts.filter(isFactId);
  return (
    <li class="screener-referral">
      <h4 class="screener-referral__name">{st(referral.name)}</h4>
      <p class="screener-referral__description">{st(referral.description)}</p>
      {facts.length > 0 && (
        <ul class="screener-referral__facts">
          {facts.map((id) => {
            const href = book.href(id);
            const web = book.fact(id).kind === 'url';
            return (
              <li key={id}>
                <span class="screener-referral__fact-label">{st(factLabelId(id))}</span>{' '}
                {href ? (
                  <a
                    class="screener-referral__link"
                    href={href}
                    {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                  >
                    <bdi dir="ltr">{book.text(id)}</bdi>
                    {web && <span class="visually-hidden"> {st('screener.view.newTab')}</span>}
                  </a>
                ) : (
                  <bdi dir="ltr">{book.text(id)}</bdi>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
