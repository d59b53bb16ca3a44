/**
 * Time stamps for records: the device clock, but never the same or an
 * earlier value twice in one page, so records saved in the same
 * millisecond still sort in the order they were written.
 */
let last = 0;

export function stamp(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}
