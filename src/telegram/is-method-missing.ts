/**
 * Whether a Bot API call failed because the server does not know the method (an older Bot API, an emulator):
 * 404 "Not Found: method not found", or a 400 saying so. Worth remembering: the call will keep failing.
 */
export function isMethodMissing(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('response' in error)) return false;
  const response = (error as { response?: { error_code?: unknown; description?: unknown } | null }).response;
  const description = typeof response?.description === 'string' ? response.description : '';
  return response?.error_code === 404 || (response?.error_code === 400 && /method not found|unknown method|method is not (?:supported|available)/i.test(description));
}
