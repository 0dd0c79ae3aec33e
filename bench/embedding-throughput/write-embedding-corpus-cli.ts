// Writes what the embedding-throughput comparison ingests (docs/performance.md, "Embedding throughput"): the bench
// corpus as JSON Lines and the bge-small-zh-v1.5-shaped model (float32 and int8) whose vocabulary holds its characters.
//   npm run bench:embedding-corpus -- <folder> [--chunks 256]
// then, for example, time `newsbot ingest <folder>/corpus` with MODEL_CACHE_DIR=<folder>/models (see the docs).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { generateBenchCorpus, recordArticle } from '../../src/bench/bench-corpus.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { writeBenchSources } from '../../src/bench/write-bench-sources.js';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel } from '../bge-shaped-model/write-bge-shaped-model.js';

const { values, positionals } = parseArgs({ options: { chunks: { type: 'string' } }, allowPositionals: true });
const [folder] = positionals;
const chunkCount = Number(values.chunks ?? 256);
if (folder === undefined || !Number.isInteger(chunkCount) || chunkCount <= 0) {
  process.stderr.write('usage: write-embedding-corpus-cli.js <folder> [--chunks N]\n');
  process.exit(2);
}
const text = await loadBenchText({ squadFile: path.resolve('data/cmrc2018/cmrc2018_dev.json.gz'), samplePage: path.resolve('data/zhuzhou-daily-page.md') });
const records = generateBenchCorpus(text, { chunks: chunkCount, seed: 7 });
writeBenchSources(records, path.join(folder, 'corpus'));
const chunks = records.flatMap((record) => chunkArticle(recordArticle(record)));
const characters = records.map((record) => record.title + record.body.join('')).join('');
const model = writeBgeShapedModel({ dir: path.join(path.resolve(folder), 'models', BGE_SHAPED_MODEL_ID), characters, quantized: true });
const lengths = chunks.map((chunk) => chunk.heading.length + 1 + chunk.text.length).sort((left, right) => left - right);
const at = (share: number): number => lengths[Math.min(lengths.length - 1, Math.floor(share * lengths.length))] ?? 0;
process.stdout.write(
  `${JSON.stringify({ folder, model: BGE_SHAPED_MODEL_ID, articles: records.length, chunks: chunks.length, characters: { p10: at(0.1), p50: at(0.5), p90: at(0.9), max: at(1) }, onnxBytes: model.onnxBytes, quantizedOnnxBytes: model.quantizedOnnxBytes })}\n`,
);
