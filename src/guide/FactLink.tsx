import type { FactId } from '../facts/contacts';
import { useFacts } from '../facts/use-facts';

/**
 * A link to a contact fact under a translated label. On paper the label
 * alone is useless, so the print stylesheet shows the fact's own text.
 */
export function FactLink(props: { id: FactId; label: string }) {
  const facts = useFacts();
  return (
    <span class="fact-link">
      <a href={facts.href(props.id)} rel="noopener">
        {props.label}
      </a>
      <span class="print-only">
        {' '}
        (<bdi dir="ltr">{facts.text(props.id)}</bdi>)
      </span>
    </span>
  );
}
