/**
 * The installed icon's SVG (public/icons/icon.svg) as the header draws it
 * inline, 32 px: the app (brand-mark.ts) and the prerendered guide
 * (scripts/vite-plugin-prerender.ts) make it alike, so the mark does not
 * change when the app replaces the prerendered header.
 */
export function inlineBrandMark(svg: string): string {
  return svg
    .replace('<svg ', '<svg width="32" height="32" focusable="false" ')
    .replace(/>\s+</g, '><')
    .trim();
}
