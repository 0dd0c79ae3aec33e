import http from 'node:http';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { HealthReport } from './webhook-server.js';
import { writeMetricsResponse } from './write-metrics-response.js';

/** Options for {@link startMetricsServer}. */
export interface MetricsServerOptions {
  /** METRICS_PORT; 0 picks a free one. */
  port: number;
  /** METRICS_HOST: loopback by default, so metrics are not public by accident. */
  host: string;
  logger: Logger;
}

/**
 * The operators' HTTP server (METRICS_PORT on METRICS_HOST, loopback by default), in both modes: GET /metrics and
 * GET /health with the details (a PostgreSQL worker's replica position, lag and last error). The webhook port shows
 * only ready / not ready.
 */
export interface MetricsServer {
  readonly port: number;
  /** What /health reports from now on; until set it says not ready, the archive still opening. */
  setHealth(health: () => HealthReport): void;
  close(): Promise<void>;
}

const OPENING: HealthReport = { ready: false, details: { archive: 'opening' } };

/**
 * `serve` with METRICS_PORT: the metrics server, started before the archive opens so /health answers 503 meanwhile;
 * hand it to `startServer`, which closes it on stop. Undefined when METRICS_PORT is unset.
 */
export async function startEarlyMetricsServer(config: Config, logger: Logger): Promise<MetricsServer | undefined> {
  const { port, host } = config.metrics;
  if (port === null) return undefined;
  return startMetricsServer({ port, host, logger });
}

/** Starts the metrics server on the given port and interface. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  let health: () => HealthReport = () => OPENING;
  const server = http.createServer((request, response) => {
    const requestPath = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (requestPath === '/metrics') {
      writeMetricsResponse(response, options.logger);
      return;
    }
    if (requestPath === '/health' || requestPath === '/healthz') {
      const report = health();
      response
        .writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ ok: report.ready, ...report.details }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Never what keeps the process alive: a serve that fails to open the archive still exits.
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ host: options.host, port }, 'metrics server listening');
  return {
    port,
    setHealth(next) {
      health = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
