import { useI18n } from '../i18n/context';
import { useFacts } from '../facts/use-facts';
import type { FactId } from '../facts/contacts';

/**
 * The contact facts the office running this app changed, each with the
 * office's own date and source: the published "compared on …" sentence is
 * not true of them, so they say so themselves. Nothing when none changed.
 * `only` limits the list to the facts a screen shows (the printout).
 */
export function FactOverrides(props: { only?: readonly FactId[] }) {
  const { t, intl } = useI18n();
  const book = useFacts();
  const shown = book.overridden.filter((o) => !props.only || props.only.includes(o.id));
  if (shown.length === 0) return null;
  return (
    <ul class="fact-overrides">
      {shown.map(({ id, fact }) => (
        <li key={id}>
          <bdi dir="ltr">{book.text(id).replace(/\n/g, ', ')}</bdi>
          {': '}
          {t('facts.overridden', {
            date: intl.formatDate(new Date(`${fact.checked}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
            source: fact.source,
          })}
        </li>
      ))}
    </ul>
  );
}
