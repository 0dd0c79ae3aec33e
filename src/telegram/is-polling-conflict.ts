/**
 * Whether a Bot API error is Telegram's 409 Conflict on getUpdates: another process polls the same
 * bot ("terminated by other getUpdates request"), or a webhook is set while polling.
 */
export function isPollingConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('response' in error)) return false;
  const response = (error as { response: unknown }).response as { error_code?: unknown } | null | undefined;
  return response?.error_code === 409;
}
