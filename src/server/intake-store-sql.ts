import type { SqlEngine, SqlRunner, SqlValue } from './db/engine';
import { formatConfirmation, newConfirmation } from './confirmation';
import { blindDigest, normalizeLookup, type LookupKind } from './index-keys';
import { insertWithoutFiles } from './intake-commit-pg';
import type {
  CommitResult,
  IntakeStore,
  ListFilter,
  NewRequest,
  OpenedRequest,
  Page,
  PageOptions,
  RequestSummary,
} from './intake-store';
import { open, openJson, type PrivateKeyLookup } from '../shared/seal';

/** What the store needs from the key ring: private keys to open, index keys to search. */
export interface StoreKeys {
  privateKey: PrivateKeyLookup;
  /** Blind-index keys, the current one first. */
  indexKeys: readonly Uint8Array[];
}

export interface RequestRow {
  id: string;
  confirmation: string;
  received_at: string;
  form_types: string;
  urgent: number;
  language: string;
  event_id: string | null;
  attachment_count: number;
}

export const SUMMARY_COLUMNS = 'r.id, r.confirmation, r.received_at, r.form_types, r.urgent, r.language, r.event_id, r.attachment_count';
const CONFIRMATION_TRIES = 8;
const FIND_LIMIT = 100;

export function summary(row: RequestRow): RequestSummary {
  return {
    id: row.id,
    confirmation: formatConfirmation(row.confirmation),
    receivedAt: row.received_at,
    formTypes: JSON.parse(row.form_types) as string[],
    urgent: Number(row.urgent) === 1,
    language: row.language,
    eventId: row.event_id,
    attachmentCount: Number(row.attachment_count),
  };
}

/** WHERE clause and its parameters for a filter; placeholders numbered from `first`. */
export function where(filter: ListFilter, first = 1): { clauses: string[]; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: (p: string) => string, value: SqlValue) => {
    params.push(value);
    clauses.push(clause(`$${first + params.length - 1}`));
  };
  if (filter.from) add((p) => `r.received_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `r.received_at < ${p}`, filter.to);
  if (filter.urgent !== undefined) add((p) => `r.urgent = ${p}`, filter.urgent ? 1 : 0);
  if (filter.language) add((p) => `r.language = ${p}`, filter.language);
  if (filter.eventId) add((p) => `r.event_id = ${p}`, filter.eventId);
  if (filter.confirmation) add((p) => `r.confirmation = ${p}`, filter.confirmation);
  if (filter.formType) {
    add((p) => `EXISTS (SELECT 1 FROM request_form_types f WHERE f.form_type = ${p} AND f.request_id = r.id)`, filter.formType);
  }
  return { clauses, params };
}

/** Opaque keyset cursor: the last row's (received_at, id). */
export function encodeCursor(row: { receivedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.receivedAt, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) && v.length === 2 && v.every((s) => typeof s === 'string' && s.length <= 64) ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

class MissingFiles extends Error {
  constructor(readonly attachmentIds: string[]) {
    super('pending files gone');
  }
}

async function answer(tx: SqlRunner, id: string, bodySha256: string): Promise<CommitResult | null> {
  const [row] = await tx.query<{ confirmation: string; received_at: string; body_sha256: string }>(
    'SELECT confirmation, received_at, body_sha256 FROM requests WHERE id = $1',
    [id],
  );
  if (!row) return null;
  return row.body_sha256 === bodySha256
    ? { kind: 'same', confirmation: formatConfirmation(row.confirmation), receivedAt: row.received_at }
    : { kind: 'conflict' };
}

export function createIntakeStore(db: SqlEngine, keys: () => Promise<StoreKeys>, draw: () => string = newConfirmation): IntakeStore {
  const digestsFor = async (kind: LookupKind, value: string, all: boolean): Promise<string[]> => {
    const normalized = normalizeLookup(kind, value);
    if (normalized === null) return [];
    const { indexKeys } = await keys();
    return (all ? indexKeys : indexKeys.slice(0, 1)).map((k) => blindDigest(k, kind, normalized));
  };

  /** Inserts the row, drawing a new confirmation on a clash; null when the id was taken meanwhile. */
  const insertRow = async (tx: SqlRunner, r: NewRequest): Promise<string | null> => {
    for (let i = 0; i < CONFIRMATION_TRIES; i++) {
      const confirmation = r.confirmation ?? draw();
      const inserted = await tx.query(
        `INSERT INTO requests (id, confirmation, received_at, form_types, urgent, language, event_id,
           attachment_count, kid, body_sha256, envelope_sha256, sealed, status_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING RETURNING id`,
        [r.id, confirmation, r.receivedAt, JSON.stringify(r.formTypes), r.urgent ? 1 : 0, r.language, r.eventId,
          r.files.length, r.kid, r.bodySha256, r.envelopeSha256, r.sealed, r.statusSha256 ?? null],
      );
      if (inserted.length) return confirmation;
      // Nothing inserted: a twin took the id (another process), or the confirmation clashed.
      const [taken] = await tx.query('SELECT 1 AS one FROM requests WHERE id = $1', [r.id]);
      if (taken) return null;
    }
    throw new Error('could not draw a unique confirmation number');
  };

  /** The blind-index rows of a request, each (kind, digest) once. */
  const lookupPairs = async (r: NewRequest): Promise<[LookupKind, string][]> => {
    const lookups = new Map<string, [LookupKind, string]>();
    for (const { kind, value } of r.lookups) {
      for (const digest of await digestsFor(kind, value, false)) lookups.set(`${kind}:${digest}`, [kind, digest]);
    }
    return [...lookups.values()];
  };

  /** Few statements, few round trips (they count on PostgreSQL): the row first, the id decides a race. */
  const commitIn = async (tx: SqlRunner, r: NewRequest): Promise<CommitResult> => {
    const confirmation = await insertRow(tx, r);
    if (confirmation === null) return (await answer(tx, r.id, r.bodySha256))!;
    const formTypes = [...new Set(r.formTypes)];
    const pairs = await lookupPairs(r);
    if (formTypes.length) {
      await tx.exec(
        `INSERT INTO request_form_types (form_type, request_id) VALUES ${formTypes.map((_, i) => `($${i + 2}, $1)`).join(', ')}`,
        [r.id, ...formTypes],
      );
    }
    if (pairs.length) {
      await tx.exec(
        `INSERT INTO request_lookup (kind, digest, request_id)
         VALUES ${pairs.map((_, i) => `($${2 * i + 2}, $${2 * i + 3}, $1)`).join(', ')}`,
        [r.id, ...pairs.flat()],
      );
    }
    const missing: string[] = [];
    for (const f of r.files) {
      const moved = await tx.exec(
        `INSERT INTO request_files (request_id, attachment_id, sealed)
         SELECT request_id, attachment_id, sealed FROM pending_files
         WHERE request_id = $1 AND attachment_id = $2 AND sealed_sha256 = $3`,
        [r.id, f.attachmentId, f.sealedSha256],
      );
      if (moved !== 1) missing.push(f.attachmentId);
    }
    if (missing.length) throw new MissingFiles(missing);
    // Junk uploaded under this request's ids goes too.
    await tx.exec('DELETE FROM pending_files WHERE request_id = $1', [r.id]);
    return { kind: 'created', confirmation: formatConfirmation(confirmation), receivedAt: r.receivedAt };
  };

  const page = async (filter: ListFilter, options: PageOptions): Promise<Page> => {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
    const { clauses, params } = where(filter);
    const after = options.after ? decodeCursor(options.after) : null;
    const dir = options.oldestFirst ? '>' : '<';
    if (after) {
      const a = `$${params.length + 1}`;
      const b = `$${params.length + 2}`;
      clauses.push(`(r.received_at ${dir} ${a} OR (r.received_at = ${a} AND r.id ${dir} ${b}))`);
      params.push(after[0], after[1]);
    }
    const order = options.oldestFirst ? 'ASC' : 'DESC';
    const rows = await db.query<RequestRow & Record<string, unknown>>(
      `SELECT ${SUMMARY_COLUMNS} FROM requests r ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
       ORDER BY r.received_at ${order}, r.id ${order} LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    const requests = rows.slice(0, limit).map(summary);
    const last = requests[requests.length - 1];
    return { requests, next: rows.length > limit && last ? encodeCursor(last) : null };
  };

  return {
    async savePending(file, caps) {
      // Addresses are personal data: only a keyed hash is stored, enough to count per client.
      const client = blindDigest((await keys()).indexKeys[0]!, 'client', file.client);
      return db.transaction(async (tx) => {
        const [same] = await tx.query(
          'SELECT 1 AS one FROM pending_files WHERE request_id = $1 AND attachment_id = $2 AND sealed_sha256 = $3',
          [file.requestId, file.attachmentId, file.sealedSha256],
        );
        if (same) return 'saved' as const;
        const [usage] = await tx.query<{ total: number; mine: number }>(
          `SELECT COALESCE(SUM(size), 0) AS total, COALESCE(SUM(CASE WHEN client = $1 THEN size ELSE 0 END), 0) AS mine
           FROM pending_files`,
          [client],
        );
        const size = file.sealed.byteLength;
        if (Number(usage?.mine ?? 0) + size > caps.maxBytesPerClient) return 'client_full' as const;
        if (Number(usage?.total ?? 0) + size > caps.maxBytes) return 'store_full' as const;
        await tx.exec(
          `INSERT INTO pending_files (request_id, attachment_id, sealed_sha256, sealed, size, client, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [file.requestId, file.attachmentId, file.sealedSha256, file.sealed, size, client, file.receivedAt],
        );
        return 'saved' as const;
      });
    },

    async pendingCandidates(requestId, attachmentId) {
      const rows = await db.query<{ sealed_sha256: string; sealed: Buffer }>(
        'SELECT sealed_sha256, sealed FROM pending_files WHERE request_id = $1 AND attachment_id = $2 ORDER BY received_at DESC',
        [requestId, attachmentId],
      );
      return rows.map((r) => ({ sealedSha256: r.sealed_sha256, sealed: r.sealed }));
    },

    sweepPending: (before) => db.exec('DELETE FROM pending_files WHERE received_at < $1', [before]),

    async findReceived(id) {
      const [row] = await db.query<{ confirmation: string; received_at: string; body_sha256: string; envelope_sha256: string | null }>(
        'SELECT confirmation, received_at, body_sha256, envelope_sha256 FROM requests WHERE id = $1',
        [id],
      );
      return row && {
        confirmation: formatConfirmation(row.confirmation),
        receivedAt: row.received_at,
        bodySha256: row.body_sha256,
        envelopeSha256: row.envelope_sha256,
      };
    },

    async hasFile(requestId, attachmentId) {
      const rows = await db.query('SELECT 1 AS one FROM request_files WHERE request_id = $1 AND attachment_id = $2', [requestId, attachmentId]);
      return rows.length > 0;
    },

    async commit(r) {
      if (db.kind === 'postgres' && r.files.length === 0) {
        const confirmation = r.confirmation ?? draw();
        if (await insertWithoutFiles(db, r, confirmation, [...new Set(r.formTypes)], await lookupPairs(r))) {
          return { kind: 'created', confirmation: formatConfirmation(confirmation), receivedAt: r.receivedAt };
        }
        // Id or confirmation taken: the transaction below tells a twin from a clash.
      }
      try {
        return await db.transaction((tx) => commitIn(tx, r));
      } catch (err) {
        if (err instanceof MissingFiles) return { kind: 'missing', attachmentIds: err.attachmentIds };
        throw err;
      }
    },

    list: (filter = {}, options = {}) => page(filter, options),

    async count(filter = {}) {
      const { clauses, params } = where(filter);
      const [row] = await db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM requests r ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`,
        params,
      );
      return Number(row?.n ?? 0);
    },

    async findBy(kind, value) {
      const digests = await digestsFor(kind, value, true);
      if (digests.length === 0) return [];
      const marks = digests.map((_, i) => `$${i + 2}`).join(', ');
      const rows = await db.query<RequestRow & Record<string, unknown>>(
        `SELECT ${SUMMARY_COLUMNS} FROM requests r
         WHERE r.id IN (SELECT l.request_id FROM request_lookup l WHERE l.kind = $1 AND l.digest IN (${marks}))
         ORDER BY r.received_at DESC, r.id DESC LIMIT ${FIND_LIMIT}`,
        [kind, ...digests],
      );
      return rows.map(summary);
    },

    async openRequest(id) {
      const [row] = await db.query<RequestRow & { sealed: Buffer } & Record<string, unknown>>(
        `SELECT ${SUMMARY_COLUMNS}, r.sealed FROM requests r WHERE r.id = $1`,
        [id],
      );
      if (!row) return undefined;
      const { privateKey } = await keys();
      const envelope = JSON.parse(row.sealed.toString('utf8')) as unknown;
      const opened = (await openJson(envelope, privateKey, { requestId: id, purpose: 'request' })) as {
        claim?: unknown;
        attachments?: OpenedRequest['attachments'];
      };
      // The claim did its job on receipt; staff screens, exports and the audit log never need it.
      const { claim: _claim, ...request } = opened;
      const attachments = (request.attachments ?? []).map(({ id: aid, name, type, size, sha256 }) => ({ id: aid, name, type, size, sha256 }));
      return { ...summary(row), request, attachments };
    },

    async openAttachment(requestId, attachmentId) {
      const opened = await this.openRequest(requestId);
      const meta = opened?.attachments.find((a) => a.id === attachmentId);
      if (!meta) return undefined;
      const [row] = await db.query<{ sealed: Buffer }>(
        'SELECT sealed FROM request_files WHERE request_id = $1 AND attachment_id = $2',
        [requestId, attachmentId],
      );
      if (!row) return undefined;
      const { privateKey } = await keys();
      const data = await open(row.sealed, privateKey, { requestId, purpose: `attachment:${attachmentId}` });
      return { ...meta, data };
    },
  };
}
