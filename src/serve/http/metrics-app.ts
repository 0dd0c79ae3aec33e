import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from '../../log/logger.js';
import { HEALTH_PATHS, type HealthReport, healthResponse } from './health-report.js';
import { metricsResponse } from './metrics-response.js';

/**
 * The operators' listener as a request → response function: GET /metrics, and GET /health with the details (a
 * PostgreSQL worker's replica position, lag and last error); any other method → 405; any other path → 404.
 */
export function createMetricsApp(health: () => HealthReport, logger: Logger): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use(async (context, next) => {
    if (context.req.method !== 'GET') return context.body(null, 405, { allow: 'GET' });
    return next();
  });
  app.get('/metrics', () => metricsResponse(logger));
  for (const path of HEALTH_PATHS) app.get(path, () => healthResponse(health(), true));
  app.notFound((context) => context.body(null, 404));
  return app;
}
