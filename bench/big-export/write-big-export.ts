import fs from 'node:fs';
import { generateBenchCorpus } from '../../src/bench/bench-corpus.js';
import type { BenchText } from '../../src/bench/bench-text.js';

/** What `writeBigExport` wrote. */
export interface BigExport {
  bytes: number;
  records: number;
  chunks: number;
}

/** Chunks generated per round: a round's records are written and dropped before the next, so memory stays small. */
const ROUND_CHUNKS = 20_000;

/**
 * Writes one JSON Lines export of at least `targetBytes` from the CMRC-based bench corpus, in rounds of
 * differently seeded articles (ids prefixed by the round, so none repeats), the way a CMS's single-file
 * export of a whole archive arrives.
 */
export function writeBigExport(text: BenchText, file: string, targetBytes: number): BigExport {
  const descriptor = fs.openSync(file, 'w');
  const written: BigExport = { bytes: 0, records: 0, chunks: 0 };
  try {
    for (let round = 0; written.bytes < targetBytes; round += 1) {
      const records = generateBenchCorpus(text, { chunks: ROUND_CHUNKS, seed: 1000 + round });
      const lines: string[] = [];
      for (const { chunks, ...record } of records) {
        lines.push(JSON.stringify({ ...record, id: `r${round}-${record.id}` }));
        written.chunks += chunks;
        written.records += 1;
      }
      const block = Buffer.from(`${lines.join('\n')}\n`);
      fs.writeSync(descriptor, block);
      written.bytes += block.length;
    }
  } finally {
    fs.closeSync(descriptor);
  }
  return written;
}
