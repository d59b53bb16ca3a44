import type { OpenedRequest } from '../intake-store';
import type { Office } from './context';
import type { InboxRow } from './inbox';
import { getReview, listHistory, listNotes } from './reviews';
import { openFollowUps } from '../hearing/follow-up-view';

/** The office's answers about one request, assembled from the store and the review tables. */

export const attachmentHref = (requestId: string, attachmentId: string) =>
  `/api/v1/office/requests/${requestId}/attachments/${attachmentId}`;

const followUpFileHref = (requestId: string, followUpId: string, attachmentId: string) =>
  `/api/v1/office/requests/${requestId}/follow-ups/${followUpId}/attachments/${attachmentId}`;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};
/** A file's extension by its checked type, for names made of its id (never the person's file name). */
export const extensionOf = (type: string) => EXTENSIONS[type] ?? 'bin';

/** "Given Middle Family" as the person wrote it, or a company's name (JSON text: the console escapes it). */
export function personName(request: unknown): string {
  const p = (request as { person?: { kind?: string; businessName?: string; givenName?: string; middleName?: string; familyName?: string } } | null)?.person;
  if (p?.kind === 'company') return typeof p.businessName === 'string' ? p.businessName : '';
  return [p?.givenName, p?.middleName, p?.familyName].filter((s) => typeof s === 'string' && s !== '').join(' ');
}

const NAMES_KEPT = 20_000;

/**
 * Names already opened, most recent last: opening an envelope costs an
 * ECDH derivation, and an inbox page shows 50. A received request never
 * changes, so an entry never goes stale; the process that holds the
 * private keys holds nothing more by keeping a name (about 1 MB at most).
 * The rows come back with the person's name, opened for this page or
 * remembered from an earlier one.
 */
export async function withNames(office: Office, rows: InboxRow[]): Promise<(InboxRow & { name: string })[]> {
  const names = office.names;
  return Promise.all(
    rows.map(async (row) => {
      let name = names.get(row.id);
      if (name === undefined) {
        const opened = await office.store.openRequest(row.id);
        name = opened ? personName(opened.request) : '';
        if (names.size >= NAMES_KEPT) names.delete(names.keys().next().value!);
      } else {
        names.delete(row.id);
      }
      names.set(row.id, name);
      return { ...row, name };
    }),
  );
}

export async function requestDetail(office: Office, id: string, opened?: OpenedRequest) {
  const found = opened ?? (await office.store.openRequest(id));
  if (!found) return undefined;
  const [review, notes, history, followUps] = await Promise.all([
    getReview(office.db, office.sealer, id),
    listNotes(office.db, office.sealer, id),
    listHistory(office.db, id),
    office.ring().then((ring) => openFollowUps(office.db, ring, id)),
  ]);
  return {
    id: found.id,
    confirmation: found.confirmation,
    receivedAt: found.receivedAt,
    formTypes: found.formTypes,
    urgent: found.urgent,
    language: found.language,
    eventId: found.eventId,
    ...review,
    request: found.request,
    attachments: found.attachments.map((a) => ({ id: a.id, name: a.name, type: a.type, size: a.size, href: attachmentHref(id, a.id) })),
    notes,
    history,
    followUps: followUps.map((f) => ({ ...f, attachments: f.attachments.map((a) => ({ ...a, href: followUpFileHref(id, f.id, a.id) })) })),
  };
}
