/**
 * The person's answer to "needs information" while it is on this device:
 * written (autosaved), then handed to the outbox, then, once delivered,
 * gone. Its files are in the attachments store under the answer's id. An
 * answer the office sends back (the request was closed) stays here, with
 * its outbox record needing attention, until the person decides.
 */
export interface FollowUpDraft {
  /** UUID made on the device; the follow-up's id on the wire. */
  id: string;
  /** The request it answers (its id on the wire). */
  requestId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  /** 'submitted': in the outbox, no longer editable. */
  status: 'editing' | 'submitted';
  /** Set when handed to the outbox, so sealing it again gives the same content. */
  submittedAt?: string;
  locale?: string;
}
