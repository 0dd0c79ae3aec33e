// Texts per model call (EMBEDDING_BATCH_SIZE) through the real adapter, on a generated model of bge-small-zh-v1.5's
// shape (docs/performance.md, "Texts per model call"). Run from the project folder on a machine of its own:
//   npm run bench:embedding-batch -- [--sample 96] [--repeats 5] [--sizes 1,2,4,8,16,32] [--out bench/embedding-batch.json]
// Every setting embeds the same chunks, the settings taking turns within each repeat; the choice (the profile's
// `textsPerCall`) is the fastest median on the default precision at one thread per process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { generateBenchCorpus, recordArticle } from '../../src/bench/bench-corpus.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { machineInfo } from '../../src/bench/machine-info.js';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel } from '../bge-shaped-model/write-bge-shaped-model.js';
import { positiveIntegerOption } from '../ask-path/positive-integer-option.js';
import { measureBatchThreads } from '../embedding-workers/measure-batch-threads.js';
import { chooseTextsPerCall, type TextsPerCallTrial } from './choose-texts-per-call.js';

const { values } = parseArgs({
  options: { sample: { type: 'string' }, repeats: { type: 'string' }, sizes: { type: 'string' }, threads: { type: 'string' }, out: { type: 'string' } },
});
const integers = (name: string, value: string | undefined, fallback: string): number[] => (value ?? fallback).split(',').map((item) => positiveIntegerOption(name, item.trim(), 0));
const sample = positiveIntegerOption('sample', values.sample, 96);
const repeats = positiveIntegerOption('repeats', values.repeats, 5);
const sizes = integers('sizes', values.sizes, '1,2,4,8,16,32');
const threads = integers('threads', values.threads, '1,2');
const precisions = ['quantized', 'full'] as const;
const out = path.resolve(values.out ?? 'bench/embedding-batch.json');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-embedding-batch-'));
const progress = (message: string): boolean => process.stderr.write(`embedding batch: ${message}\n`);
try {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const text = await loadBenchText({ squadFile: path.resolve('data/cmrc2018/cmrc2018_dev.json.gz'), samplePage: path.resolve('data/zhuzhou-daily-page.md') });
  const records = generateBenchCorpus(text, { chunks: sample, seed: 7 });
  const chunks = records.flatMap((record) => chunkArticle(recordArticle(record))).slice(0, sample);
  const characters = records.map((record) => record.title + record.body.join('')).join('');
  const cacheDir = path.join(folder, 'models');
  writeBgeShapedModel({ dir: path.join(cacheDir, BGE_SHAPED_MODEL_ID), characters, quantized: true });
  const lengths = chunks.map((chunk) => chunk.heading.length + 1 + chunk.text.length).sort((left, right) => left - right);
  progress(`${chunks.length} chunks, embedding texts of ${lengths[0]}–${lengths.at(-1)} characters (median ${lengths[Math.floor(lengths.length / 2)]})`);
  const trials: TextsPerCallTrial[] = [];
  const runs: Record<string, number[]> = {};
  for (const precision of precisions) {
    const results = await measureBatchThreads({
      env: {
        ...process.env,
        EMBEDDING_MODEL: BGE_SHAPED_MODEL_ID,
        MODEL_CACHE_DIR: cacheDir,
        HF_HUB_OFFLINE: '1',
        EMBEDDING_PRECISION: precision,
        NEWSBOT_HOME: path.join(folder, 'home'),
      },
      cwd: process.cwd(),
      chunks,
      batchSizes: sizes,
      threads,
      repeats,
      onProgress: (message) => progress(`${precision}: ${message}`),
    });
    for (const result of results) {
      trials.push({ precision, threads: result.threads, textsPerCall: result.batchSize, median: result.median });
      runs[`${precision} ${result.threads} ${result.batchSize}`] = result.chunksPerSecond;
    }
  }
  // The profile's choice is at one thread per process; a sweep without it reports its fewest threads instead.
  const fewest = Math.min(...threads);
  const chosen = {
    ...Object.fromEntries(precisions.map((precision) => [precision, chooseTextsPerCall(trials, precision, fewest)])),
    ...(threads.includes(2) ? { quantizedTwoThreads: chooseTextsPerCall(trials, 'quantized', 2) } : {}),
  };
  const report = {
    formatVersion: 1,
    startedAt,
    machine,
    loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    model: BGE_SHAPED_MODEL_ID,
    chunks: chunks.length,
    repeats,
    trials,
    runs,
    chosen,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ chosen, trials })}\n`);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
