/**
 * Wraps `fetch` so a request whose response headers do not arrive within `timeoutMs` is aborted.
 * Only the wait for an answer is bounded: a slow but live download of model weights continues.
 */
export function fetchWithHeaderTimeout(inner: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer from ${describe(input)} within ${timeoutMs} ms`)), timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await inner(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

function describe(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(url).host;
  } catch {
    return 'the model server';
  }
}
