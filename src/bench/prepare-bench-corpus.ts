import { loadBenchText } from './bench-text.js';
import { generateBenchCorpus, type BenchRecord } from './bench-corpus.js';
import { writeBenchSources, type BenchSourceFile } from './write-bench-sources.js';
import { benchQuestions } from './bench-questions.js';

export interface PrepareBenchCorpusOptions {
  squadFile: string;
  samplePage: string | null;
  chunks: number;
  /** Questions timed per kind (search, ask). */
  questions: number;
  /** Questions asked before timing starts. */
  warmUpQuestions: number;
  /** Chunks of the corpus kept in memory for the real-model run. */
  realModelChunks: number;
  seed: number;
  /** Folder the day files are written to. */
  dir: string;
}

/** The corpus on disk and what the bench keeps in memory of it (not the whole corpus). */
export interface PreparedBenchCorpus {
  files: BenchSourceFile[];
  articles: number;
  chunks: number;
  firstDate: string;
  lastDate: string;
  /** The first articles, up to `realModelChunks` chunks. */
  realModelRecords: BenchRecord[];
  questions: { warmUp: string[]; search: string[]; ask: string[] };
  /** Gold answers by question text (rephrased copies have none). */
  answers: ReadonlyMap<string, readonly string[]>;
}

/** Generates the corpus, writes it as day files and picks the questions; the records are not kept. */
export async function prepareBenchCorpus(options: PrepareBenchCorpusOptions): Promise<PreparedBenchCorpus> {
  const text = await loadBenchText({ squadFile: options.squadFile, samplePage: options.samplePage });
  const records = generateBenchCorpus(text, { chunks: options.chunks, seed: options.seed });
  const files = writeBenchSources(records, options.dir);
  const realModelRecords: BenchRecord[] = [];
  for (let index = 0, chunks = 0; index < records.length && chunks < options.realModelChunks; index += 1) {
    realModelRecords.push(records[index]!);
    chunks += records[index]!.chunks;
  }
  const { warmUpQuestions: warmUp, questions } = options;
  const pool = benchQuestions(text.questions, warmUp + 2 * questions, options.seed);
  return {
    files,
    articles: records.length,
    chunks: records.reduce((sum, record) => sum + record.chunks, 0),
    firstDate: records[0]?.date ?? '',
    lastDate: records.at(-1)?.date ?? '',
    realModelRecords,
    questions: { warmUp: pool.slice(0, warmUp), search: pool.slice(warmUp, warmUp + questions), ask: pool.slice(warmUp + questions) },
    answers: text.answers,
  };
}
