// Entry of the worker thread that owns a `TransformersEmbedder` for `WorkerThreadEmbedder`:
// onnxruntime-node 1.14 runs a model call on the calling thread, so here it blocks this thread and
// not the process's event loop. Requests are served one at a time, in the order they came.
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddingThreadReply, EmbeddingThreadRequest } from './embedding-thread-messages.js';
import { toThreadError } from './to-thread-error.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';

const port = parentPort;
if (port === null) throw new Error('embedding-thread.js runs as a worker thread (WorkerThreadEmbedder starts it)');
const embedder = new TransformersEmbedder(workerData as TransformersEmbedderOptions);
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: EmbeddingThreadRequest) => {
  queue = queue.then(async () => {
    let reply: EmbeddingThreadReply;
    try {
      if (request.type === 'load') {
        await embedder.load();
        reply = { id: request.id, ok: true, facts: { id: embedder.id, dimensions: embedder.dimensions } };
      } else {
        reply = { id: request.id, ok: true, vectors: await embedder.embed(request.texts, request.kind) };
      }
    } catch (error) {
      reply = { id: request.id, ok: false, error: toThreadError(error, embedder.modelDir) };
    }
    port.postMessage(reply, reply.ok ? (reply.vectors ?? []).map((vector) => vector.buffer as ArrayBuffer) : []);
  });
});
