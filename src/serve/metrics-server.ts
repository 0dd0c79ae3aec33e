import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { HealthReport } from './http/health-report.js';
import { listen } from './http/listen.js';
import { createMetricsApp } from './http/metrics-app.js';

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
 * GET /health with the details (see `createMetricsApp`). The webhook port shows only ready / not ready.
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
  const listener = await listen(
    createMetricsApp(() => health(), options.logger),
    { port: options.port, host: options.host, dropConnectionsOnClose: true },
  );
  // Never what keeps the process alive: a serve that fails to open the archive still exits.
  listener.unref();
  options.logger.info({ host: options.host, port: listener.port }, 'metrics server listening');
  return {
    port: listener.port,
    setHealth(next) {
      health = next;
    },
    close: () => listener.close(),
  };
}
