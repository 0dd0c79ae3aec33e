import { builtThreadScript } from '../threads/built-thread-script.js';

/** The compiled worker-thread entry of `WorkerThreadEmbedder` (`embedding-thread.js`), see `builtThreadScript`. */
export function embeddingThreadScript(): URL {
  return builtThreadScript(import.meta.url, 'embedding-thread.js');
}
