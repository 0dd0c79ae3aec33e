// The concurrent-questions bench (docs/performance.md, "Readers asking at once"), run from the project folder:
//   npm run bench:concurrent-questions -- [--questions 80] [--repeats 3] [--threads 2] [--out bench/concurrent-questions.json]
// The bge-small-zh-v1.5-shaped model (float32 and int8) embeds CMRC questions as one reader and as 8 readers at once,
// run in the main thread (as before) and in a worker thread (`WorkerThreadEmbedder`, the default now), taking turns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { machineInfo } from '../../src/bench/machine-info.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../../src/embedding/transformers-embedder.js';
import { WorkerThreadEmbedder } from '../../src/embedding/worker-thread-embedder.js';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel } from '../bge-shaped-model/write-bge-shaped-model.js';
import { median } from '../embedding-workers/median.js';
import { timeReaders, type ReadersRun } from './time-readers.js';

const { values } = parseArgs({ options: { questions: { type: 'string' }, repeats: { type: 'string' }, threads: { type: 'string' }, out: { type: 'string' } } });
const count = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    process.stderr.write(`expected a positive integer, got "${value}"\n`);
    process.exit(2);
  }
  return parsed;
};
const questionCount = count(values.questions, 80);
const repeats = count(values.repeats, 3);
const threads = count(values.threads, os.availableParallelism());
const out = path.resolve(values.out ?? 'bench/concurrent-questions.json');
const READERS = 8;
const progress = (message: string): void => void process.stderr.write(`concurrent questions: ${message}\n`);

const machine = machineInfo();
const startedAt = new Date().toISOString();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-concurrent-questions-'));
try {
  const text = await loadBenchText({ squadFile: path.resolve('data/cmrc2018/cmrc2018_dev.json.gz'), samplePage: null });
  const WARM_UP = 10;
  const questions = text.questions.slice(0, WARM_UP * 4 + questionCount * 2 * 4 * repeats);
  if (questions.length < WARM_UP * 4 + questionCount * 2 * 4 * repeats) throw new Error(`the bench has ${text.questions.length} questions: ask for fewer (--questions, --repeats)`);
  writeBgeShapedModel({ dir: path.join(folder, BGE_SHAPED_MODEL_ID), characters: questions.join(''), quantized: true });
  const settings: { precision: 'full' | 'quantized'; where: 'main thread' | 'worker thread'; embedder: Embedder; runs: { single: ReadersRun; concurrent: ReadersRun }[] }[] = [];
  for (const precision of ['full', 'quantized'] as const) {
    const options: TransformersEmbedderOptions = { model: BGE_SHAPED_MODEL_ID, cacheDir: folder, downloadTimeoutMs: 5000, offline: true, precision, threads };
    // One load at a time: onnxruntime-node 1.14 must not create sessions in two threads at once.
    const inThread = new TransformersEmbedder(options);
    await inThread.load();
    const threaded = new WorkerThreadEmbedder(options);
    await threaded.load();
    settings.push({ precision, where: 'main thread', embedder: inThread, runs: [] }, { precision, where: 'worker thread', embedder: threaded, runs: [] });
  }
  let offset = 0;
  const nextQuestions = (size = questionCount): string[] => {
    offset += size;
    return questions.slice(offset - size, offset);
  };
  for (const setting of settings) await timeReaders(setting.embedder, nextQuestions(WARM_UP), 1);
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const setting of settings) {
      const single = await timeReaders(setting.embedder, nextQuestions(), 1);
      const concurrent = await timeReaders(setting.embedder, nextQuestions(), READERS);
      setting.runs.push({ single, concurrent });
      progress(
        `${setting.precision}, ${setting.where}: 1 reader p50/p95 ${single.p50Ms}/${single.p95Ms} ms, ${READERS} readers p95 ${concurrent.p95Ms} ms, event loop delay max ${concurrent.eventLoopDelay.maxMs} ms (run ${repeat + 1})`,
      );
    }
  }
  const results = settings.map(({ precision, where, runs }) => {
    const of = (pick: (run: { single: ReadersRun; concurrent: ReadersRun }) => number): number => median(runs.map(pick));
    return {
      precision,
      where,
      threads,
      single: { p50Ms: of((run) => run.single.p50Ms), p95Ms: of((run) => run.single.p95Ms), eventLoopDelayMaxMs: of((run) => run.single.eventLoopDelay.maxMs) },
      concurrent: {
        readers: READERS,
        p50Ms: of((run) => run.concurrent.p50Ms),
        p95Ms: of((run) => run.concurrent.p95Ms),
        eventLoopDelayP99Ms: of((run) => run.concurrent.eventLoopDelay.p99Ms),
        eventLoopDelayMaxMs: of((run) => run.concurrent.eventLoopDelay.maxMs),
      },
      concurrentP95OverSingleP95: Math.round((of((run) => run.concurrent.p95Ms) / of((run) => run.single.p95Ms)) * 100) / 100,
      runs,
    };
  });
  for (const setting of settings) await setting.embedder.close?.();
  const report = {
    formatVersion: 1,
    startedAt,
    machine,
    loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    model: { id: BGE_SHAPED_MODEL_ID, shapeOf: 'Xenova/bge-small-zh-v1.5' },
    method: `CMRC 2018 dev questions embedded as queries; per setting and repeat, ${questionCount} questions by 1 reader, then ${questionCount} others by ${READERS} readers at once (each asks again when answered); settings take turns; medians over ${repeats} repeats`,
    results,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results.map(({ runs: _runs, ...summary }) => summary))}\n`);
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
