import fs from 'node:fs';
import path from 'node:path';
import type { BenchRecord } from './bench-corpus.js';

/** One JSONL file of the corpus: a day's articles. */
export interface BenchSourceFile {
  file: string;
  articles: number;
  chunks: number;
}

/**
 * Writes the records as one JSON Lines file per publication day (`<dir>/<date>.jsonl`), the way
 * a CMS export would arrive, so ingest reads them through the real parser. Files come back in
 * date order.
 */
export function writeBenchSources(records: readonly BenchRecord[], dir: string): BenchSourceFile[] {
  fs.mkdirSync(dir, { recursive: true });
  const byDate = new Map<string, BenchRecord[]>();
  for (const record of records) {
    const day = byDate.get(record.date);
    if (day) day.push(record);
    else byDate.set(record.date, [record]);
  }
  const files: BenchSourceFile[] = [];
  for (const [date, day] of [...byDate.entries()].sort((left, right) => (left[0] < right[0] ? -1 : 1))) {
    const file = path.join(dir, `${date}.jsonl`);
    const lines = day.map(({ chunks: _chunks, ...record }) => JSON.stringify(record));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    files.push({ file, articles: day.length, chunks: day.reduce((sum, record) => sum + record.chunks, 0) });
  }
  return files;
}
