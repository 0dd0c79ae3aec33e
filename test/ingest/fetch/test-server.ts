// A node:http server on 127.0.0.1 (port 0) for fetch, feed and poller tests; records every request.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type RouteHandler = (request: http.IncomingMessage, response: http.ServerResponse, server: TestServer) => void;

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Adds or replaces a route (exact path, query included). */
  route(pathname: string, handler: RouteHandler): void;
  /** Requests received for one path. */
  hits(pathname: string): RecordedRequest[];
  close(): Promise<void>;
}

const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/feeds');

/** A fixture's text with `{{base}}` replaced by the server's base URL. */
export function fixtureText(name: string, baseUrl: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8').replaceAll('{{base}}', baseUrl);
}

/** Serves a fixture file with `{{base}}` filled in. */
export function serveFixture(name: string, contentType: string): RouteHandler {
  return (_request, response, server) => {
    response.writeHead(200, { 'content-type': contentType });
    response.end(fixtureText(name, server.baseUrl));
  };
}

/** Starts a server with the given routes; unknown paths answer 404. */
export async function startTestServer(routes: Record<string, RouteHandler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const httpServer = http.createServer((request, response) => {
    const pathname = request.url ?? '/';
    requests.push({ path: pathname, headers: request.headers });
    const handler = table.get(pathname);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body><p>not found</p></body></html>');
      return;
    }
    handler(request, response, server);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const server: TestServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route(pathname, handler) {
      table.set(pathname, handler);
    },
    hits(pathname) {
      return requests.filter((request) => request.path === pathname);
    },
    close() {
      httpServer.closeAllConnections();
      return new Promise((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
  return server;
}
