import type { Section } from '../requests/summary-rows';

/**
 * The request's fields as definition lists. Everything the person typed is
 * rendered as text (never as HTML), so markup in an answer shows as typed.
 */
export function Sections(props: { sections: readonly Section[]; headingLevel?: 2 | 3; children?: (s: Section) => preact.ComponentChildren }) {
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <>
      {props.sections.map((section) => (
        <section key={section.step} class="staff-section" aria-labelledby={`section-${section.step}`}>
          <H id={`section-${section.step}`}>{section.title}</H>
          {section.rows.length > 0 && (
            <dl class="staff-fields">
              {section.rows.map((row, i) => (
                <div key={i} class={row.long ? 'staff-fields__long' : undefined}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.value === '' ? <span class="staff-muted">Not given</span> : row.value}
                    {row.image?.startsWith('data:image/png;base64,') && <img class="staff-signature" src={row.image} alt="The person’s drawn signature" />}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {props.children?.(section)}
        </section>
      ))}
    </>
  );
}
