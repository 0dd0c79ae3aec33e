import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedderDecorator } from '../../src/embedding/embedder-decorator.js';
import type { TransformersEmbedderOptions } from '../../src/embedding/transformers-embedder.js';
import { WorkerThreadEmbedder } from '../../src/embedding/worker-thread-embedder.js';
import { embedChunks } from '../../src/pipeline/embed-chunks.js';
import { PROJECT_ROOT } from '../helpers/run-cli.js';
import { tinyModelCache, TINY_MODEL_ID, type TinyModelCache } from './support/tiny-model-cache.js';

// onnxruntime-node 1.14 is not made for two threads of one process (runs that mixed a main-thread
// and a worker-thread model crashed now and then): this process runs one model thread, and what
// the in-thread embedder gives, or a second embedder does, runs in a Node process of its own.

const TEXTS = ['株洲', '株洲市今年一季度地区生产总值同比增长5.8%，GDP 增速居全省前列。', '湘江风光带', '中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。'];
const BUILT = (file: string): string => pathToFileURL(path.join(PROJECT_ROOT, 'dist/embedding', file)).href;

function options(cache: TinyModelCache, overrides: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedderOptions {
  return { model: TINY_MODEL_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true, ...overrides };
}

function expectSameVectors(actual: ArrayLike<number>[], expected: ArrayLike<number>[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [row, vector] of actual.entries()) {
    expect(vector).toHaveLength(expected[row]!.length);
    for (const [index, value] of Array.from(vector).entries()) expect(value).toBeCloseTo(expected[row]![index]!, 5);
  }
}

/** Runs an ES module script (written to `dir`) in a fresh Node process; resolves with its exit code and output, or null for the code if it was still running after `timeoutMs`. */
function runScript(dir: string, source: string, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

/** What the built `TransformersEmbedder`, in the main thread of a process of its own, gives for `texts` (or its error message). */
async function inThread(
  cache: TinyModelCache,
  texts: string[],
  kind: 'query' | 'passage',
  overrides: Partial<TransformersEmbedderOptions> = {},
): Promise<{ vectors?: number[][]; error?: string }> {
  const run = await runScript(
    cache.cacheDir,
    `import { TransformersEmbedder } from ${JSON.stringify(BUILT('transformers-embedder.js'))};
     const embedder = new TransformersEmbedder(${JSON.stringify(options(cache, overrides))});
     try {
       const vectors = await embedder.embed(${JSON.stringify(texts)}, ${JSON.stringify(kind)});
       console.log(JSON.stringify({ vectors: vectors.map((vector) => Array.from(vector)) }));
     } catch (error) {
       console.log(JSON.stringify({ error: error.message }));
     }`,
  );
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { vectors?: number[][]; error?: string };
}

/** `inner` with a smaller batch limit, so `embedChunks` cuts several batches. */
class SmallBatches extends EmbedderDecorator {
  override get maxBatchSize(): number {
    return 2;
  }
}

describe('WorkerThreadEmbedder', () => {
  let cache: TinyModelCache;
  let threaded: WorkerThreadEmbedder;
  beforeAll(async () => {
    if (!fs.existsSync(new URL(BUILT('worker-thread-embedder.js')))) throw new Error('run "npm run build" first: these tests start the built embedder');
    cache = tinyModelCache();
    threaded = new WorkerThreadEmbedder(options(cache));
    await threaded.load();
  });
  afterAll(async () => {
    await threaded.close();
    cache.cleanup();
  });

  it('takes its id and dimensions from the model loaded in the thread', () => {
    expect(threaded.dimensions).toBe(32);
    expect(threaded.id).toMatch(new RegExp(`^${TINY_MODEL_ID}@main:quantized:cls:query-[0-9a-f]{8}$`));
  });

  it('returns the vectors the in-thread embedder returns, for queries and passages', async () => {
    expectSameVectors(await threaded.embed(TEXTS, 'query'), (await inThread(cache, TEXTS, 'query')).vectors!);
    expectSameVectors(await threaded.embed(TEXTS, 'passage'), (await inThread(cache, TEXTS, 'passage')).vectors!);
  });

  it('answers calls made at once (sent together to the model) each with its own vectors', async () => {
    const together = await Promise.all(TEXTS.map((text) => threaded.embed([text], 'query')));
    const alone: Float32Array[] = [];
    for (const text of TEXTS) alone.push(...(await threaded.embed([text], 'query')));
    expectSameVectors(together.flat(), alone);
    expectSameVectors(together.flat(), (await inThread(cache, TEXTS, 'query')).vectors!);
  });

  it('keeps chunks in their order through length-sorted batches', async () => {
    // Long, short, long, short, longest: sorting by length puts them in other batches than their order would.
    const chunks = [TEXTS[3]!, TEXTS[0]!, TEXTS[1]!, TEXTS[2]!, `${TEXTS[3]!}${TEXTS[1]!}`].map((text, position) => ({ heading: `标题${position}`, text }));
    const vectors = await embedChunks(new SmallBatches(threaded), chunks);
    const oneByOne: Float32Array[] = [];
    for (const chunk of chunks) oneByOne.push(...(await threaded.embed([`${chunk.heading}\n${chunk.text}`], 'passage')));
    expectSameVectors(vectors, oneByOne);
  });

  it('refuses a batch over its limit before sending it', async () => {
    await expect(
      threaded.embed(
        Array.from({ length: threaded.maxBatchSize + 1 }, () => '株洲'),
        'query',
      ),
    ).rejects.toThrow(RangeError);
  });

  it('stops waiting for an aborted call', async () => {
    const controller = new AbortController();
    const reason = new Error('reader left');
    const aborted = threaded.embed(TEXTS, 'query', { signal: controller.signal });
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(await threaded.embed(['株洲'], 'query')).toHaveLength(1);
  });
});

// What needs a second embedder, or ends the process, runs in a process of its own.
describe('WorkerThreadEmbedder in a process of its own', () => {
  let cache: TinyModelCache;
  beforeAll(() => {
    cache = tinyModelCache();
  });
  afterAll(() => cache.cleanup());

  const script = (cacheOptions: TransformersEmbedderOptions, body: string): string =>
    `import { WorkerThreadEmbedder } from ${JSON.stringify(BUILT('worker-thread-embedder.js'))};
     const embedder = new WorkerThreadEmbedder(${JSON.stringify(cacheOptions)});
     ${body}`;

  it('fails as the in-thread embedder does when the model is missing: a ModelUnavailableError with the same message, again on a retry', async () => {
    const empty = tinyModelCache({ weights: [] });
    try {
      const expected = await inThread(empty, ['株洲'], 'query');
      expect(expected.error).toContain('HF_HUB_OFFLINE=1');
      const run = await runScript(
        empty.cacheDir,
        script(
          options(empty),
          `for (let attempt = 0; attempt < 2; attempt += 1) {
             const error = await embedder.embed(['株洲'], 'query').then(() => null, (caught) => caught);
             console.log(JSON.stringify({ name: error?.name, model: error?.model, message: error?.message, cause: error?.cause instanceof Error }));
           }`,
        ),
      );
      expect(run.code, run.stderr).toBe(0);
      const attempts = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(attempts).toEqual([0, 1].map(() => ({ name: 'ModelUnavailableError', model: TINY_MODEL_ID, message: expected.error, cause: true })));
    } finally {
      empty.cleanup();
    }
  });

  it('exits once its work is done, without close()', async () => {
    const run = await runScript(cache.cacheDir, script(options(cache), `const [vector] = await embedder.embed(['株洲'], 'query'); console.log(vector.length);`));
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: '32\n' });
  });

  it('exits when closed during a call: waiting calls reject, and every call after', async () => {
    const run = await runScript(
      cache.cacheDir,
      script(
        options(cache),
        `await embedder.load();
         const outcome = (call) => call.then(() => 'resolved', (error) => error.message);
         const running = outcome(embedder.embed(['株洲', '湘江风光带'], 'passage'));
         const waiting = outcome(embedder.embed(['株洲'], 'query'));
         await embedder.close();
         console.log(JSON.stringify({ running: await running, waiting: await waiting, after: await outcome(embedder.embed(['株洲'], 'query')) }));`,
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout) as Record<string, string>;
    expect(outcome.waiting).toMatch(/closed/);
    expect(outcome.after).toMatch(/closed/);
    expect(outcome.running).toMatch(/closed|resolved/);
  });
});
