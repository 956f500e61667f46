// Percentiles (nearest rank) and the printed result table of the benchmark.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(ms: number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

/** "p50 … p95 … max …" in ms, as the benches' tables print a latency. */
export function latency(summary: LatencySummary): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return `p50 ${ms(summary.p50)} p95 ${ms(summary.p95)} max ${ms(summary.max)}`;
}

export function printTable(rows: [string, string, string][]): void {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i]].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  '));
}
