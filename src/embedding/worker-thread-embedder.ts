import { Worker } from 'node:worker_threads';
import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';
import type { EmbeddingThreadReply, EmbeddingThreadRequest, LoadedEmbedderFacts } from './embedding-thread-messages.js';
import { embeddingThreadScript } from './embedding-thread-script.js';
import { fromThreadError } from './to-thread-error.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';

export interface WorkerThreadEmbedderOptions extends TransformersEmbedderOptions {
  /** The worker's entry. Default `embeddingThreadScript()`, the compiled `embedding-thread.js`. */
  script?: URL;
}

/** An `embed` call waiting for the thread. */
interface QueuedCall {
  texts: string[];
  kind: EmbedKind;
  signal: AbortSignal | undefined;
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: unknown) => void;
}

interface Pending {
  resolve: (reply: EmbeddingThreadReply & { ok: true }) => void;
  reject: (error: unknown) => void;
}

/**
 * A `TransformersEmbedder` that runs in a worker thread of its own. onnxruntime-node 1.14 (under
 * transformers.js 2.17) runs a model call synchronously on the thread that calls it: in the main
 * thread, one reader's question embedding (tens of milliseconds) would hold up every other reader's
 * request on the process. Here the main thread only posts texts and receives vectors (transferred,
 * not copied), so its event loop stays free while the model runs. Errors come back as they were
 * raised (`ModelUnavailableError` with its fix). Calls go to the thread one at a time; calls that
 * arrive while it is busy wait and then go together as one model call (of one kind, up to
 * `maxBatchSize` texts): readers asking at once share a batch instead of queueing one by one. The
 * thread holds the process open only while a call is under way; `close()` ends it.
 */
export class WorkerThreadEmbedder implements Embedder {
  /** 1: the thread serves calls one at a time (its model already uses the cores it is given). */
  readonly maxConcurrency = 1;
  readonly semantic = true;
  private readonly options: WorkerThreadEmbedderOptions;
  /** The same model unloaded, for what is known before loading (limits, a profiled model's id). */
  private readonly described: TransformersEmbedder;
  private worker: Worker | null = null;
  private facts: LoadedEmbedderFacts | null = null;
  private loading: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly queued: QueuedCall[] = [];
  private running = false;
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerThreadEmbedderOptions) {
    this.options = options;
    this.described = new TransformersEmbedder(options);
  }

  get id(): string {
    return this.facts?.id ?? this.described.id;
  }
  get dimensions(): number {
    return this.facts?.dimensions ?? this.described.dimensions;
  }
  get maxBatchSize(): number {
    return this.described.maxBatchSize;
  }
  get maxInputChars(): number {
    return this.described.maxInputChars;
  }

  /** Starts the thread and loads the model there (downloading missing files unless offline); safe to call more than once. */
  load(): Promise<void> {
    this.loading ??= this.request({ id: this.nextId++, type: 'load' }).then(
      (reply) => {
        this.facts = reply.facts ?? null;
      },
      (error: unknown) => {
        // Let a later call try again (the network may come back).
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  async embed(texts: string[], kind: EmbedKind, options: EmbedOptions = {}): Promise<Float32Array[]> {
    const { signal } = options;
    if (texts.length > this.maxBatchSize) throw new RangeError(`embed takes at most ${this.maxBatchSize} texts, got ${texts.length}`);
    signal?.throwIfAborted();
    if (texts.length === 0) return [];
    await this.load();
    signal?.throwIfAborted();
    const vectors = new Promise<Float32Array[]>((resolve, reject) => {
      this.queued.push({ texts, kind, signal, resolve, reject });
      this.dispatch();
    });
    // A call already sent to the thread finishes there; the caller stops waiting for it.
    return signal === undefined ? vectors : abortable(vectors, signal);
  }

  /**
   * Ends the thread; calls still waiting reject at once, and later ones too. A model call already
   * running in the thread is let finish before the thread is terminated: stopping onnxruntime-node
   * 1.14 in the middle of a call corrupted the process's heap in a test run.
   */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    const running = this.pending.size;
    this.failPending(new Error(`the embedder of "${this.options.model}" was closed`));
    if (worker === null) return;
    if (running > 0) await repliesOrExit(worker, running);
    await worker.terminate();
  }

  private async request(message: EmbeddingThreadRequest): Promise<EmbeddingThreadReply & { ok: true }> {
    if (this.closed) throw new Error(`the embedder of "${this.options.model}" is closed`);
    if (this.worker === null) {
      await loadRuntimeInMainThread();
      if (this.closed) throw new Error(`the embedder of "${this.options.model}" is closed`);
    }
    const worker = this.startedWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.ref();
      worker.postMessage(message);
    });
  }

  private startedWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const { script, ...embedderOptions } = this.options;
    const worker = new Worker(script ?? embeddingThreadScript(), { workerData: embedderOptions });
    worker.unref();
    worker.on('message', (reply: EmbeddingThreadReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (waiting === undefined) return;
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(fromThreadError(reply.error));
    });
    const fail = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.loading = null;
      this.facts = null;
      this.failPending(error);
    };
    worker.on('error', (error) => fail(new Error(`the embedding thread of "${this.options.model}" failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`the embedding thread of "${this.options.model}" exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Sends the waiting calls of the first one's kind as one model call, when the thread is free. */
  private dispatch(): void {
    if (this.running) return;
    const group: QueuedCall[] = [];
    let texts = 0;
    while (this.queued.length > 0) {
      const next = this.queued[0]!;
      if (next.signal?.aborted) {
        this.queued.shift();
        continue;
      }
      if (group.length > 0 && (next.kind !== group[0]!.kind || texts + next.texts.length > this.maxBatchSize)) break;
      group.push(next);
      texts += next.texts.length;
      this.queued.shift();
    }
    const first = group[0];
    if (first === undefined) return;
    this.running = true;
    this.request({ id: this.nextId++, type: 'embed', texts: group.flatMap((call) => call.texts), kind: first.kind })
      .then(
        (reply) => {
          const vectors = reply.vectors ?? [];
          let offset = 0;
          for (const call of group) {
            call.resolve(vectors.slice(offset, offset + call.texts.length));
            offset += call.texts.length;
          }
        },
        (error: unknown) => {
          for (const call of group) call.reject(error);
        },
      )
      .finally(() => {
        this.running = false;
        this.dispatch();
      });
  }

  private failPending(error: Error): void {
    const waiting = [...this.pending.values(), ...this.queued.splice(0)];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}

/** Resolves once `worker` has sent `count` more messages, or has exited. */
function repliesOrExit(worker: Worker, count: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    const onMessage = (): void => {
      left -= 1;
      if (left === 0) done();
    };
    worker.on('message', onMessage);
    worker.on('exit', done);
  });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

let runtimeLoading: Promise<unknown> | null = null;

/**
 * Loads onnxruntime-node's native addon in the main thread once, before any model thread starts.
 * onnxruntime-node 1.14's addon is not context-aware: when the main thread has not loaded it, only
 * the first thread of a process can (a second embedder's thread, or a new one after a crash, fails
 * with "Module did not self-register"); once the main thread holds it, every thread can.
 */
function loadRuntimeInMainThread(): Promise<unknown> {
  runtimeLoading ??= import('onnxruntime-node');
  return runtimeLoading;
}
