import type http from 'node:http';
import { metrics } from '../log/metrics.js';
import type { Logger } from '../log/logger.js';

/** Answers GET /metrics with the process's metrics in the Prometheus text format. */
export function writeMetricsResponse(response: http.ServerResponse, logger: Logger): void {
  metrics
    .exposition()
    .then(({ contentType, body }) => {
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    })
    .catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'could not collect metrics');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
}
