/** The bench's printed table and the machine line: how figures are shown, not how they are made. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { CHROMIUM } from '../e2e/harness';
import { round } from './util';

export interface Target {
  op: '<=' | '>=';
  value: number;
}

export function machine(): Record<string, string | number> {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    chromium,
  };
}

function formatValue(key: string, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (key.startsWith('bundle.') && key !== 'bundle.precacheCount') return `${(v / 1024).toFixed(1)} KB`;
  if (key === 'storage.requestBytes') return `${(v / 1e6).toFixed(2)} MB`;
  if (key.endsWith('Ratio')) return v.toFixed(2);
  if (key.endsWith('Ms')) return `${v < 10 ? v.toFixed(2) : Math.round(v)} ms`;
  if (key.endsWith('Us')) return `${v.toFixed(1)} µs`;
  if (key.endsWith('Mb')) return `${v.toFixed(1)} MB`;
  if (key.endsWith('Rps')) return `${Math.round(v)}/s`;
  return String(Math.round(v * 100) / 100);
}

export function printTable(keys: readonly string[], results: Record<string, number | null>, targets: Partial<Record<string, Target>>): void {
  const rows = keys.map((key) => {
    const v = results[key] ?? null;
    const t = targets[key];
    const target = t ? `${t.op} ${formatValue(key, t.value)}` : '';
    const ok = !t || v === null ? '' : (t.op === '<=' ? v <= t.value : v >= t.value) ? 'ok' : 'MISS';
    return [key, formatValue(key, v), target, ok];
  });
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['figure', 'value', 'target', ''][i]!.length));
  const line = (r: string[]) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log('\n' + line(['figure', 'value', 'target', '']));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

