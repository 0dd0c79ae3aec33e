import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** How the server answers one request for `<model>/<file>`; undefined serves the file from disk. */
export type ModelFileOverride = (file: string, response: http.ServerResponse, request: http.IncomingMessage) => boolean;

export interface ModelFileServer {
  /** For HF_ENDPOINT: `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Replaces how requests are answered (return true when handled). */
  override: ModelFileOverride | null;
  close: () => Promise<void>;
}

/**
 * A Hugging Face-style mirror on 127.0.0.1: `GET /<model>/resolve/<revision>/<file>` answers
 * `<root>/<model>/<file>` with its Content-Length, or 404.
 */
export async function serveModelFiles(root: string): Promise<ModelFileServer> {
  const sockets = new Set<import('node:net').Socket>();
  const state: ModelFileServer = { endpoint: '', requests: [], override: null, close: async () => {} };
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent(request.url ?? '/');
    state.requests.push(url);
    // Every revision is served from the same files.
    const match = /^\/(.+?\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(url);
    if (!match) {
      response.writeHead(400).end();
      return;
    }
    const [, model = '', file = ''] = match;
    if (state.override?.(file, response, request)) return;
    const source = path.join(root, model, file);
    if (!fs.existsSync(source)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    const body = fs.readFileSync(source);
    response.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}
