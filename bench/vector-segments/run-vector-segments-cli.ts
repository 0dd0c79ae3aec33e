// The cost of searching several segments (docs/performance.md, "A segmented vector index"), from the project folder:
//   npm run bench:vector-segments -- [--vectors 100000] [--segment 20000] [--queries 1000] [--k 50] [--out FILE]
// Embeds --vectors passages recombined from the CMRC-based bench text with the offline hash embedder, builds one
// index of one segment and one of segments of --segment vectors from the same vectors, and times the same CMRC
// questions on both, alternating which goes first; reports medians, their ratio, and how often the two agree with
// the exact (brute-force) nearest neighbours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { LEXICAL_EF_CONSTRUCTION } from '../../src/pipeline/open-archive-index.js';
import { embedInBatches, exactNearest, median, overlap, passageTexts } from './segment-bench-helpers.js';

const { values } = parseArgs({
  options: { vectors: { type: 'string' }, segment: { type: 'string' }, queries: { type: 'string' }, k: { type: 'string' }, out: { type: 'string' } },
});
const vectorCount = Number(values.vectors ?? 100_000);
const segmentVectors = Number(values.segment ?? 20_000);
const queryCount = Number(values.queries ?? 1000);
const k = Number(values.k ?? 50);
if (![vectorCount, segmentVectors, queryCount, k].every((value) => Number.isInteger(value) && value > 0)) {
  process.stderr.write('usage: run-vector-segments-cli [--vectors N] [--segment N] [--queries N] [--k N] [--out FILE]\n');
  process.exit(2);
}
const cwd = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-vector-segments-'));
try {
  const text = await loadBenchText({ squadFile: path.resolve(cwd, 'data/cmrc2018/cmrc2018_dev.json.gz'), samplePage: path.resolve(cwd, 'data/zhuzhou-daily-page.md') });
  const embedder = new HashEmbedder();
  const vectors = await embedInBatches(embedder, passageTexts(text.passages, vectorCount), 'passage');
  const queries = await embedInBatches(embedder, text.questions.slice(0, queryCount), 'query');
  const open = (name: string, bound: number) =>
    openHnswVectorIndex({ dir: path.join(dir, name), embedderId: embedder.id, dimensions: embedder.dimensions, efConstruction: LEXICAL_EF_CONSTRUCTION, segmentVectors: bound });
  const build = (name: string, bound: number) => {
    const started = performance.now();
    const index = open(name, bound);
    for (const [position, vector] of vectors.entries()) index.add(position + 1, vector);
    index.save();
    process.stderr.write(`${name}: built ${vectorCount} vectors in ${((performance.now() - started) / 1000).toFixed(1)} s, ${index.segmentCount()} segments\n`);
    return { index, seconds: (performance.now() - started) / 1000 };
  };
  const one = build('one', vectorCount + 1);
  const several = build('several', segmentVectors);
  const times = { one: [] as number[], several: [] as number[] };
  const agreement = { one: [] as number[], several: [] as number[], between: [] as number[] };
  queries.forEach((query, position) => {
    const order = position % 2 === 0 ? (['one', 'several'] as const) : (['several', 'one'] as const);
    const hits: Record<string, number[]> = {};
    for (const name of order) {
      const index = name === 'one' ? one.index : several.index;
      const started = performance.now();
      hits[name] = index.search(query, k).map((hit) => hit.id);
      times[name].push(performance.now() - started);
    }
    agreement.between.push(overlap(hits.one!, hits.several!, 10));
    // The exact neighbours of every fifth question (a scan of every vector).
    if (position % 5 === 0) {
      const exact = exactNearest(vectors, query, 10);
      agreement.one.push(overlap(hits.one!, exact, 10));
      agreement.several.push(overlap(hits.several!, exact, 10));
    }
  });
  const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
  const report = {
    vectors: vectorCount,
    dimensions: embedder.dimensions,
    k,
    questions: queries.length,
    segments: { one: one.index.segmentCount(), several: several.index.segmentCount(), segmentVectors },
    buildSeconds: { one: Number(one.seconds.toFixed(1)), several: Number(several.seconds.toFixed(1)) },
    searchMs: {
      one: { p50: Number(median(times.one).toFixed(3)) },
      several: { p50: Number(median(times.several).toFixed(3)) },
      ratio: Number((median(times.several) / median(times.one)).toFixed(2)),
    },
    top10AgreementWithExact: { one: Number(mean(agreement.one).toFixed(3)), several: Number(mean(agreement.several).toFixed(3)) },
    top10AgreementBetween: Number(mean(agreement.between).toFixed(3)),
    machine: { cpus: os.cpus().length, loadAfter: os.loadavg().map((value) => Number(value.toFixed(2))), shared: true },
  };
  const summary = JSON.stringify(report, null, 2);
  if (values.out) fs.writeFileSync(path.resolve(cwd, values.out), `${summary}\n`);
  process.stdout.write(`${summary}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
