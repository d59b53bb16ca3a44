import type { Download } from './api';

/**
 * Saves a file fetched with the session (not by navigating: the filter,
 * which can hold a searched name, never lands in the browser's history).
 */
export function saveDownload({ blob, filename }: Download) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
