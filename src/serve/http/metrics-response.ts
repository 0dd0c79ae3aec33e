import type { Logger } from '../../log/logger.js';
import { metrics } from '../../log/metrics.js';

/** GET /metrics: the process's metrics in the Prometheus text format, never cached; 500 when they cannot be collected. */
export async function metricsResponse(logger: Logger): Promise<Response> {
  try {
    const { contentType, body } = await metrics.exposition();
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'could not collect metrics');
    return new Response(null, { status: 500 });
  }
}
