import type { OutboxRecord } from '../outbox/submit';

/**
 * Where a finished request stands, in the same words on every screen that
 * shows it (its own page, the list of drafts, the status page). Each says
 * exactly one thing: a request still on the device is never "sent".
 */
export const OUTBOX_LABEL: Record<OutboxRecord['state'], string> = {
  waiting: 'outbox.label.waiting',
  sending: 'outbox.label.sending',
  delivered: 'outbox.label.delivered',
  'needs-attention': 'outbox.label.needsAttention',
};
