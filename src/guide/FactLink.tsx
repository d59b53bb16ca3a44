import { factHref, formatFact, type FactId } from '../facts/contacts';

/**
 * A link to a contact fact under a translated label. On paper the label
 * alone is useless, so the print stylesheet shows the fact's own text.
 */
export function FactLink(props: { id: FactId; label: string }) {
  return (
    <span class="fact-link">
      <a href={factHref(props.id)} rel="noopener">
        {props.label}
      </a>
      <span class="print-only">
        {' '}
        (<bdi dir="ltr">{formatFact(props.id)}</bdi>)
      </span>
    </span>
  );
}
