/** Raised (as the abort reason) when a download sends nothing for the allowed time. */
export class DownloadStalledError extends Error {
  readonly url: string;
  readonly timeoutMs: number;
  constructor(url: string, timeoutMs: number) {
    super(`no data from ${url} within ${timeoutMs} ms`);
    this.name = 'DownloadStalledError';
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

interface Guard {
  urlPrefix: string;
  timeoutMs: number;
}

const guards = new Set<Guard>();
let originalFetch: typeof fetch | null = null;

/**
 * Runs `work` while every global `fetch` to a URL starting with `urlPrefix` is aborted after
 * `timeoutMs` without progress (no response headers yet, or no body bytes since the last ones).
 * An idle bound rather than a total one: an unreachable host fails fast, while a slow but
 * moving download of a large model still completes. Works on the global `fetch`, so it bounds
 * any code that downloads with it (`downloadModelFile`). Other requests pass through.
 */
export async function withDownloadTimeout<T>(urlPrefix: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const guard: Guard = { urlPrefix, timeoutMs };
  guards.add(guard);
  if (originalFetch === null) {
    originalFetch = globalThis.fetch;
    globalThis.fetch = guardedFetch;
  }
  try {
    return await work();
  } finally {
    guards.delete(guard);
    if (guards.size === 0 && originalFetch !== null) {
      globalThis.fetch = originalFetch;
      originalFetch = null;
    }
  }
}

async function guardedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const baseFetch = originalFetch ?? globalThis.fetch;
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const timeoutMs = timeoutFor(url);
  if (timeoutMs === null) return baseFetch(input, init);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DownloadStalledError(url, timeoutMs)), timeoutMs);
  const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  let response: Response;
  try {
    response = await baseFetch(input, { ...init, signal });
  } catch (error) {
    clearTimeout(timer);
    throw controller.signal.aborted ? controller.signal.reason : error;
  }
  if (response.body === null) {
    clearTimeout(timer);
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          clearTimeout(timer);
          stream.close();
          return;
        }
        timer.refresh();
        stream.enqueue(value);
      } catch (error) {
        clearTimeout(timer);
        stream.error(controller.signal.aborted ? controller.signal.reason : error);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function timeoutFor(url: string): number | null {
  let timeout: number | null = null;
  for (const guard of guards) {
    if (url.startsWith(guard.urlPrefix)) timeout = timeout === null ? guard.timeoutMs : Math.min(timeout, guard.timeoutMs);
  }
  return timeout;
}
