// The nano build (≈2 KB gzip): every language's tablet keeps it offline, so bytes count.
import { correction, generate } from 'lean-qr/nano';

/**
 * A QR code as one SVG path, made on the device with no network. Each row's
 * runs of dark modules become one rectangle, which keeps the path short.
 * `size` includes the quiet zone of 4 modules the standard asks for.
 */
export function qrPath(text: string): { size: number; d: string } {
  const qr = generate(text, { minCorrectionLevel: correction.M });
  const n = qr.size;
  const quiet = 4;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.get(col, row)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.get(col, row)) col++;
      parts.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * quiet, d: parts.join('') };
}

/** What the hand-off code opens: the app's address and nothing else, never a person's data. */
export function handOffUrl(origin: string = location.origin): string {
  return `${origin}/`;
}
