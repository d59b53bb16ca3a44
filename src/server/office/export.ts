import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { OpenedRequest } from '../intake-store';
import type { Office } from './context';
import { BOM, cellText, csvLine, REQUEST_PATHS, valueAt } from './csv';
import { inboxPage, type InboxQuery } from './inbox';
import { getReview, type Review } from './reviews';
import { extensionOf } from './request-view';

/**
 * Exports of the inbox's filtered set, produced page by page as the
 * client reads (a ReadableStream pulled by the response), so memory holds
 * one page of requests and one file at a time, whatever the set's size.
 */

export type ExportFormat = 'csv' | 'jsonl' | 'zip';

const PAGE = 100;
const META = ['id', 'confirmation', 'receivedAt', 'formTypes', 'urgent', 'language', 'eventId', 'state', 'assignee', 'caseNumber', 'referral', 'referredTo', 'closeReason', 'infoReasons', 'infoNote'] as const;
/** A drawn signature is a large image: it travels in the JSON Lines, not in a spreadsheet cell. */
const CSV_OMITTED = new Set(['consent.signature.pngDataUrl']);
const REQUEST_COLUMNS = REQUEST_PATHS.filter((p) => !CSV_OMITTED.has(p));

interface Item {
  opened: OpenedRequest;
  review: Review;
}

/** Every request of the set, opened, newest first. */
async function* items(office: Office, query: InboxQuery): AsyncGenerator<Item> {
  let cursor: string | undefined;
  do {
    const page = await inboxPage(office, { ...query, cursor, limit: PAGE }, false);
    for (const row of page.rows) {
      const opened = await office.store.openRequest(row.id);
      if (opened) yield { opened, review: await getReview(office.db, office.sealer, row.id) };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function record({ opened, review }: Item) {
  const { request, attachments, attachmentCount: _count, ...meta } = opened;
  return {
    ...meta,
    state: review.state,
    assignee: review.assignee?.email ?? null,
    caseNumber: review.caseNumber,
    referral: review.referral,
    referredTo: review.referredTo,
    closeReason: review.closeReason,
    infoReasons: review.infoReasons,
    infoNote: review.infoNote,
    request,
    attachments,
  };
}

export const csvHeader = () => csvLine([...META, ...REQUEST_COLUMNS.map((p) => `request.${p}`)]);

export function csvRow(item: Item): string {
  const r = record(item);
  return csvLine([...META.map((k) => cellText(r[k])), ...REQUEST_COLUMNS.map((p) => cellText(valueAt(r.request, p)))]);
}

const jsonLine = (item: Item) => `${JSON.stringify(record(item))}\n`;
const utf8 = new TextEncoder();

async function* csvChunks(office: Office, query: InboxQuery): AsyncGenerator<Uint8Array> {
  yield utf8.encode(BOM + csvHeader());
  for await (const item of items(office, query)) yield utf8.encode(csvRow(item));
}

async function* jsonlChunks(office: Office, query: InboxQuery): AsyncGenerator<Uint8Array> {
  for await (const item of items(office, query)) yield utf8.encode(jsonLine(item));
}

/** requests.csv, requests.jsonl, then attachments/<confirmation>/<id>.<ext>: one pass over the set for each. */
async function* zipChunks(office: Office, query: InboxQuery): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failed) throw failed;
    yield* out.splice(0);
  };
  const entry = async function* (file: ZipDeflate | ZipPassThrough, chunks: AsyncGenerator<Uint8Array>) {
    zip.add(file);
    for await (const chunk of chunks) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  };
  yield* entry(new ZipDeflate('requests.csv', { level: 6 }), csvChunks(office, query));
  yield* entry(new ZipDeflate('requests.jsonl', { level: 6 }), jsonlChunks(office, query));
  for await (const { opened } of items(office, query)) {
    for (const a of opened.attachments) {
      const file = await office.store.openAttachment(opened.id, a.id);
      if (!file) continue;
      const name = `attachments/${opened.confirmation}/${a.id}.${extensionOf(a.type)}`;
      // Photos and PDFs are compressed already: stored as they are.
      const entryFile = new ZipPassThrough(name);
      zip.add(entryFile);
      entryFile.push(file.data, true);
      yield* drain();
    }
  }
  zip.end();
  yield* drain();
}

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  zip: 'application/zip',
};

export function exportStream(office: Office, query: InboxQuery, format: ExportFormat): ReadableStream<Uint8Array> {
  const chunks = format === 'csv' ? csvChunks(office, query) : format === 'jsonl' ? jsonlChunks(office, query) : zipChunks(office, query);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
