// A loopback server speaking the chat-completions API, answering each request with the next prepared reply.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A prepared reply: status, headers and body, optionally after a delay or as server-sent events. */
export interface PreparedReply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-serialized unless a string. */
  body?: unknown;
  /** Streamed as `data:` events followed by `data: [DONE]`. */
  events?: unknown[];
  /** Pause before each event; default 5 ms. */
  eventDelayMs?: number;
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: { model?: string; messages?: { role: string; content: string }[]; temperature?: number; max_tokens?: number; stream?: boolean };
}

export interface ChatCompletionsTestServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order; a request with none left gets a 599. */
  reply(...replies: PreparedReply[]): void;
  close(): Promise<void>;
}

/** The body of a completed, non-streamed chat completion. */
export function completion(content: string | null): PreparedReply {
  return { body: { id: 'test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } };
}

/** A streamed chat completion delivering `pieces` one event each. */
export function streamedCompletion(pieces: string[]): PreparedReply {
  return {
    headers: { 'content-type': 'text/event-stream' },
    events: [
      { choices: [{ index: 0, delta: { role: 'assistant' } }] },
      ...pieces.map((content) => ({ choices: [{ index: 0, delta: { content } }] })),
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    ],
  };
}

/** Starts the server on 127.0.0.1, port chosen by the system. */
export async function startChatCompletionsTestServer(): Promise<ChatCompletionsTestServer> {
  const queue: PreparedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: JSON.parse(text || '{}') as RecordedRequest['body'] });
      const prepared = request.url === '/v1/chat/completions' && request.method === 'POST' ? queue.shift() : { status: 404, body: { error: 'not found' } };
      void send(response, prepared ?? { status: 599, body: { error: 'no prepared reply left' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function send(response: http.ServerResponse, prepared: PreparedReply): Promise<void> {
  if (prepared.delayMs) await new Promise((resolve) => setTimeout(resolve, prepared.delayMs));
  if (response.destroyed) return;
  if (prepared.events) {
    response.writeHead(prepared.status ?? 200, { 'content-type': 'text/event-stream', ...prepared.headers });
    for (const event of prepared.events) {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
      await new Promise((resolve) => setTimeout(resolve, prepared.eventDelayMs ?? 5));
    }
    response.end('data: [DONE]\n\n');
    return;
  }
  const body = typeof prepared.body === 'string' ? prepared.body : JSON.stringify(prepared.body ?? {});
  response.writeHead(prepared.status ?? 200, { 'content-type': 'application/json', ...prepared.headers });
  response.end(body);
}
