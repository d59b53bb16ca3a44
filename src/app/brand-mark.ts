import icon from '../../public/icons/icon.svg?raw';
import { inlineBrandMark } from './brand-mark-markup';

/**
 * The app's mark, drawn in the page: no request and nothing to decode
 * (as an image it was one more file the first screen waited for, and an
 * SVG image costs a document of its own to draw), sharp at any zoom.
 */
export const BRAND_MARK = inlineBrandMark(icon);
