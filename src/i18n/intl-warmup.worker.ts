// See intl-warmup.ts: the first formatter of a process builds the locale
// tables; the formatters the first screens make (the guide's dates, the
// text size in percent, plurals) also load their locale's data here.

/** The part of a dedicated worker's scope this uses (the app's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage(message: string): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const locale = event.data;
    Intl.NumberFormat.supportedLocalesOf(locale);
    Intl.DateTimeFormat.supportedLocalesOf(locale);
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(0);
    new Intl.NumberFormat(locale, { style: 'percent' }).format(1);
    new Intl.PluralRules(locale).select(1);
  } catch {
    // A tag Intl refuses: the page copes on its own.
  }
  scope.postMessage('done');
  scope.close();
};

export {};
