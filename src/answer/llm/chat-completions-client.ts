// Minimal client for the OpenAI-compatible `POST /chat/completions` API (Ollama, vLLM, llama.cpp, hosted services).
import { redactSecrets } from '../../log/logger.js';
import { retry } from '../../net/retry.js';
import { LLM_DEFAULTS } from './llm-defaults.js';
import { LlmError } from './llm-error.js';
import { readCompletionJson, readCompletionStream } from './read-completion.js';

/** One chat message as the API expects it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletionsClientOptions {
  /** Base URL up to and including the API version, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set; local servers usually need none. */
  apiKey: string | null;
  model: string;
  /** Bound on the whole call, retries and waits included. */
  timeoutMs: number;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Default {@link LLM_DEFAULTS.maxTokens}. */
  maxTokens?: number;
  /** Default {@link LLM_DEFAULTS.temperature}. */
  temperature?: number;
  /** Default {@link LLM_DEFAULTS.rateLimitRetries}. */
  rateLimitRetries?: number;
  /** Default {@link LLM_DEFAULTS.maxRetryAfterMs}. */
  maxRetryAfterMs?: number;
}

/** Sends chat messages and returns the assistant's text. Every failure is an {@link LlmError}. */
export interface ChatCompletionsClient {
  /** The whole completion text (never empty). */
  complete(messages: ChatMessage[]): Promise<string>;
  /** Same, streamed: `onText` receives the text so far after each received piece. */
  stream(messages: ChatMessage[], onText: (textSoFar: string) => void): Promise<string>;
}

/**
 * Creates a client that retries only what is transient: a 429 (waiting for Retry-After, bounded) and one network error.
 * A 5xx is not retried: a person is waiting, and the extractive answer is the better use of the time left.
 */
export function createChatCompletionsClient(options: ChatCompletionsClientOptions): ChatCompletionsClient {
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  const endpoint = chatCompletionsUrl(options.baseUrl);
  const shownEndpoint = `${endpoint.origin}${endpoint.pathname}`;
  const secrets = [options.apiKey];
  const rateLimitRetries = options.rateLimitRetries ?? LLM_DEFAULTS.rateLimitRetries;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? LLM_DEFAULTS.maxRetryAfterMs;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function send(messages: ChatMessage[], stream: boolean, signal: AbortSignal): Promise<Response> {
    const body = JSON.stringify({
      model: options.model,
      messages,
      temperature: options.temperature ?? LLM_DEFAULTS.temperature,
      max_tokens: options.maxTokens ?? LLM_DEFAULTS.maxTokens,
      stream,
    });
    let networkRetried = false;
    let rateLimited = 0;
    const attempt = async (): Promise<Response> => {
      let response: Response;
      try {
        response = await fetchImplementation(endpoint, { method: 'POST', headers, body, signal });
      } catch (error) {
        if (signal.aborted) throw timeoutError();
        throw new LlmError('network', `could not reach ${shownEndpoint}: ${redactSecrets(describe(error), secrets)}; is the server running and LLM_BASE_URL right?`);
      }
      if (response.status === 429) {
        const waitMs = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel().catch(() => undefined);
        throw new RateLimitedError(waitMs, `${shownEndpoint} answered 429 (rate limited) after ${rateLimited} retries, asking to wait ${waitMs} ms`);
      }
      if (!response.ok) {
        const snippet = redactSecrets((await response.text().catch(() => '')).slice(0, 300), secrets);
        throw new LlmError('http', `${shownEndpoint} answered ${response.status}: ${snippet || '(no body)'}`, { status: response.status });
      }
      return response;
    };
    // One network retry and a few bounded 429 waits; a 5xx is not retried (see the factory's comment).
    return retry(attempt, {
      classify: (error) => {
        if (error instanceof RateLimitedError && rateLimited < rateLimitRetries && error.waitMs <= maxRetryAfterMs) {
          rateLimited += 1;
          return { retry: true, retryAfterMs: error.waitMs };
        }
        if (error instanceof LlmError && error.kind === 'network' && !networkRetried) {
          networkRetried = true;
          return { retry: true, retryAfterMs: 0 };
        }
        return { retry: false };
      },
      maxAttempts: 2 + rateLimitRetries,
      signal,
    });
  }

  function timeoutError(): LlmError {
    return new LlmError('timeout', `${shownEndpoint} did not finish within ${options.timeoutMs} ms (LLM_TIMEOUT_MS)`);
  }

  async function run(messages: ChatMessage[], onText: ((textSoFar: string) => void) | null): Promise<string> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await send(messages, onText !== null, signal);
      const isEventStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
      const text = isEventStream && onText ? await readCompletionStream(response, onText) : await readCompletionJson(response);
      if (text.trim().length === 0) throw new LlmError('empty', `${shownEndpoint} returned an empty completion`);
      return text;
    } catch (error) {
      if (error instanceof LlmError) throw error;
      if (signal.aborted) throw timeoutError();
      throw new LlmError('network', `reading the answer from ${shownEndpoint} failed: ${redactSecrets(describe(error), secrets)}`);
    }
  }

  return {
    complete: (messages) => run(messages, null),
    stream: (messages, onText) => run(messages, onText),
  };
}

/** A 429 while attempts remain; becomes the `rate_limit` {@link LlmError} callers see when they run out. */
class RateLimitedError extends LlmError {
  readonly waitMs: number;

  constructor(waitMs: number, message: string) {
    super('rate_limit', message, { status: 429 });
    this.waitMs = waitMs;
  }
}

/** `${baseUrl}/chat/completions`, keeping any query string (some hosted APIs need one). */
function chatCompletionsUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    throw new LlmError('config', 'LLM_BASE_URL is not a valid URL; expected something like http://127.0.0.1:11434/v1', { cause: error });
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; a default when absent or unreadable. */
function retryAfterMs(header: string | null): number {
  if (header === null || header.trim() === '') return LLM_DEFAULTS.defaultRetryAfterMs;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? LLM_DEFAULTS.defaultRetryAfterMs : Math.max(0, date - Date.now());
}

/** An error's message with its cause (undici puts the useful part, e.g. ECONNREFUSED, in the cause). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
