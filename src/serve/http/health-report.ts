/** A worker's readiness for GET /health; `details` are added to the JSON body where the listener shows them. */
export interface HealthReport {
  ready: boolean;
  details: Record<string, unknown>;
}

/** Paths answering GET with the worker's readiness, for load balancers and uptime checks. */
export const HEALTH_PATHS = ['/health', '/healthz'] as const;

/** The /health answer: 200 when ready, 503 when not; never cached. `showDetails` adds `details` to the body. */
export function healthResponse(report: HealthReport, showDetails: boolean): Response {
  const body = showDetails ? { ok: report.ready, ...report.details } : { ok: report.ready };
  return Response.json(body, { status: report.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
