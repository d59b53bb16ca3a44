/**
 * The status link a person takes away (QR code, copy, share): the request's
 * id and secret travel in the fragment, which browsers never send to a
 * server, so neither reaches a request line or a log. The confirmation
 * number rides along so the phone can name the request.
 */
import { checkUuid } from '../shared/fields';

export interface StatusLink {
  id: string;
  secret: string;
  confirmation?: string;
}

export const STATUS_PATH = '/status';

const SECRET = /^[A-Za-z0-9_-]{22,128}$/;
const CONFIRMATION = /^[A-Z0-9-]{1,32}$/;

export function statusLink(link: StatusLink, origin: string = location.origin): string {
  const params = new URLSearchParams({ r: link.id, s: link.secret });
  if (link.confirmation) params.set('c', link.confirmation);
  return `${origin}${STATUS_PATH}#${params.toString()}`;
}

/** The link's fragment (with or without '#') → its parts, or null when anything is missing or malformed. */
export function readStatusFragment(hash: string): StatusLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('r') ?? '';
  const secret = params.get('s') ?? '';
  const confirmation = params.get('c');
  if (!checkUuid(id).ok || !SECRET.test(secret)) return null;
  return confirmation && CONFIRMATION.test(confirmation) ? { id, secret, confirmation } : { id, secret };
}
