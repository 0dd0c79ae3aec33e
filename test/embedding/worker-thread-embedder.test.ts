import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelUnavailableError } from '../../src/embedding/model-unavailable-error.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../../src/embedding/transformers-embedder.js';
import { WorkerThreadEmbedder } from '../../src/embedding/worker-thread-embedder.js';
import { embedChunks } from '../../src/pipeline/embed-chunks.js';
import { PROJECT_ROOT } from '../helpers/run-cli.js';
import { tinyModelCache, TINY_MODEL_ID, type TinyModelCache } from './support/tiny-model-cache.js';

const TEXTS = ['株洲', '株洲市今年一季度地区生产总值同比增长5.8%，GDP 增速居全省前列。', '湘江风光带', '中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。'];

function options(cache: TinyModelCache, overrides: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedderOptions {
  return { model: TINY_MODEL_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true, ...overrides };
}

function expectSameVectors(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [row, vector] of actual.entries()) {
    expect(vector).toHaveLength(expected[row]!.length);
    for (const [index, value] of vector.entries()) expect(value).toBeCloseTo(expected[row]![index]!, 5);
  }
}

/** Runs an ES module script (written to `dir`) in a fresh Node process; resolves with its exit code and output, or null for the code if it was still running after `timeoutMs`. */
function runScript(dir: string, source: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = path.join(dir, `script-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  fs.writeFileSync(file, source);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, stdout, stderr });
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// The real transformers.js and onnxruntime-node in a worker thread, on a tiny generated model.
describe('WorkerThreadEmbedder', () => {
  let cache: TinyModelCache;
  let inThread: TransformersEmbedder;
  let threaded: WorkerThreadEmbedder;
  beforeAll(async () => {
    cache = tinyModelCache();
    inThread = new TransformersEmbedder(options(cache));
    threaded = new WorkerThreadEmbedder(options(cache));
    await inThread.load();
    await threaded.load();
  });
  afterAll(async () => {
    await threaded.close();
    cache.cleanup();
  });

  it('is the in-thread model in id, dimensions and limits', () => {
    expect(threaded.id).toBe(inThread.id);
    expect(threaded.dimensions).toBe(inThread.dimensions);
    expect(threaded.maxBatchSize).toBe(inThread.maxBatchSize);
    expect(threaded.maxInputChars).toBe(inThread.maxInputChars);
  });

  it('returns the vectors the in-thread embedder returns, for queries and passages', async () => {
    expectSameVectors(await threaded.embed(TEXTS, 'query'), await inThread.embed(TEXTS, 'query'));
    expectSameVectors(await threaded.embed(TEXTS, 'passage'), await inThread.embed(TEXTS, 'passage'));
  });

  it('answers calls made at once, each with its own texts', async () => {
    const together = await Promise.all(TEXTS.map((text) => threaded.embed([text], 'query')));
    const alone = await Promise.all(TEXTS.map((text) => inThread.embed([text], 'query')));
    expectSameVectors(together.flat(), alone.flat());
  });

  it('keeps chunks in their order through length-sorted batches', async () => {
    const small = new WorkerThreadEmbedder(options(cache, { batchSize: 2 }));
    try {
      // Long, short, long, short: sorting by length puts them in other batches than their order would.
      const chunks = [TEXTS[3]!, TEXTS[0]!, TEXTS[1]!, TEXTS[2]!, `${TEXTS[3]!}${TEXTS[1]!}`].map((text, position) => ({ heading: `标题${position}`, text }));
      const vectors = await embedChunks(small, chunks);
      const oneByOne = await Promise.all(chunks.map(async (chunk) => (await inThread.embed([`${chunk.heading}\n${chunk.text}`], 'passage'))[0]!));
      expectSameVectors(vectors, oneByOne);
    } finally {
      await small.close();
    }
  });

  it('refuses a batch over its limit before sending it', async () => {
    const small = new WorkerThreadEmbedder(options(cache, { batchSize: 2 }));
    await expect(small.embed(TEXTS, 'query')).rejects.toThrow(RangeError);
    await small.close();
  });

  it('fails as the in-thread embedder does when the model is missing: the same ModelUnavailableError, and again on a retry', async () => {
    const empty = tinyModelCache({ weights: [] });
    try {
      const expected = await new TransformersEmbedder(options(empty)).load().then(
        () => null,
        (error: unknown) => error as ModelUnavailableError,
      );
      const missing = new WorkerThreadEmbedder(options(empty));
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const error = await missing.embed(['株洲'], 'query').then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(ModelUnavailableError);
        expect((error as ModelUnavailableError).message).toBe(expected!.message);
        expect((error as ModelUnavailableError).message).toContain('HF_HUB_OFFLINE=1');
        expect((error as ModelUnavailableError).model).toBe(TINY_MODEL_ID);
        expect((error as ModelUnavailableError).cause).toBeInstanceOf(Error);
      }
      await missing.close();
    } finally {
      empty.cleanup();
    }
  });

  it('stops waiting for an aborted call, and rejects every call once closed', async () => {
    const closing = new WorkerThreadEmbedder(options(cache));
    await closing.load();
    const controller = new AbortController();
    const reason = new Error('reader left');
    const aborted = closing.embed(TEXTS, 'query', { signal: controller.signal });
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    const inFlight = expect(closing.embed(TEXTS, 'passage')).rejects.toThrow(/closed/);
    await closing.close();
    await inFlight;
    await expect(closing.embed(['株洲'], 'query')).rejects.toThrow(/closed/);
  });
});

// A process must end by itself: the thread holds it open only while a call is under way.
describe('WorkerThreadEmbedder and the process', () => {
  let cache: TinyModelCache;
  const built = pathToFileURL(path.join(PROJECT_ROOT, 'dist/embedding/worker-thread-embedder.js')).href;
  beforeAll(() => {
    if (!fs.existsSync(new URL(built))) throw new Error('run "npm run build" first: this test starts the built embedder');
    cache = tinyModelCache();
  });
  afterAll(() => cache.cleanup());

  const script = (body: string): string =>
    `import { WorkerThreadEmbedder } from ${JSON.stringify(built)};
     const embedder = new WorkerThreadEmbedder(${JSON.stringify(options(cache))});
     ${body}`;

  it('exits once its work is done, without close()', async () => {
    const run = await runScript(cache.cacheDir, script(`const [vector] = await embedder.embed(['株洲'], 'query'); console.log(vector.length);`), 30_000);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: '32\n' });
  });

  it('exits when closed during a call, the call rejecting', async () => {
    const run = await runScript(
      cache.cacheDir,
      script(`await embedder.load();
       const call = embedder.embed(['株洲', '湘江风光带'], 'passage').then(() => 'resolved', (error) => error.message);
       await embedder.close();
       console.log(await call);`),
      30_000,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/closed/);
  });
});
