// The one reading of errors thrown by Bot API calls, shared by the bot's call wrapper and the digest sender.

/** What a failed Bot API call means for the chat and for retrying. */
export type TelegramFailure =
  /**
   * Worth retrying soon: network trouble, 429 (with Telegram's `retry_after`), 5xx. `trigger` tells them
   * apart; `aborted` is a request cancelled or timed out locally (the bot's own stop, for instance).
   */
  | { kind: 'transient'; reason: string; retryAfterMs: number | null; trigger: 'rate-limit' | 'server-error' | 'network' | 'aborted' }
  /** The chat cannot receive messages (403, chat not found, bot kicked): disable it. */
  | { kind: 'permanent'; reason: string }
  /** A group became a supergroup: move the subscription to the new id and send there. */
  | { kind: 'migrated'; reason: string; toChatId: string }
  /** Telegram refused this request (bad HTML, bad token, …): not the chat's fault, not worth retrying now. */
  | { kind: 'rejected'; reason: string };

/** Telegram 400 descriptions that mean the chat itself is gone or closed to the bot. */
const PERMANENT_BAD_REQUEST =
  /chat not found|have no rights to send|not enough rights|need administrator rights|chat_write_forbidden|bot was kicked|bot is not a member|user is deactivated|peer_id_invalid|channel_private|chat is deactivated|group chat was deactivated/i;

/** System error codes of failed connections (ECONNRESET, EAI_AGAIN, UND_ERR_SOCKET…). */
const NETWORK_ERROR_CODES = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

/**
 * Classifies an error thrown by a Bot API call (telegraf's `TelegramError` has `response.error_code`,
 * `description` and `parameters`; network failures are node-fetch `FetchError`s with a system code).
 */
export function classifyTelegramError(error: unknown): TelegramFailure {
  const telegram = telegramResponse(error);
  if (telegram) {
    const reason = `${telegram.errorCode}: ${telegram.description}`;
    if (telegram.migrateToChatId !== undefined) return { kind: 'migrated', reason, toChatId: String(telegram.migrateToChatId) };
    if (telegram.errorCode === 429) {
      const retryAfterMs = telegram.retryAfterSeconds !== undefined ? telegram.retryAfterSeconds * 1000 : null;
      return { kind: 'transient', reason, retryAfterMs, trigger: 'rate-limit' };
    }
    if (telegram.errorCode >= 500) return { kind: 'transient', reason, retryAfterMs: null, trigger: 'server-error' };
    if (telegram.errorCode === 403) return { kind: 'permanent', reason };
    if (telegram.errorCode === 400 && PERMANENT_BAD_REQUEST.test(telegram.description)) return { kind: 'permanent', reason };
    return { kind: 'rejected', reason };
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name)) return { kind: 'transient', reason, retryAfterMs: null, trigger: 'aborted' };
  if (isNetworkError(error)) return { kind: 'transient', reason, retryAfterMs: null, trigger: 'network' };
  return { kind: 'rejected', reason };
}

interface TelegramResponseFields {
  errorCode: number;
  description: string;
  retryAfterSeconds?: number;
  migrateToChatId?: number;
}

function telegramResponse(error: unknown): TelegramResponseFields | null {
  if (typeof error !== 'object' || error === null || !('response' in error)) return null;
  const response = (error as { response: unknown }).response as
    | { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown } }
    | null
    | undefined;
  if (!response || typeof response.error_code !== 'number') return null;
  const fields: TelegramResponseFields = { errorCode: response.error_code, description: String(response.description ?? '') };
  if (typeof response.parameters?.retry_after === 'number') fields.retryAfterSeconds = response.parameters.retry_after;
  if (typeof response.parameters?.migrate_to_chat_id === 'number') fields.migrateToChatId = response.parameters.migrate_to_chat_id;
  return fields;
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'FetchError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && NETWORK_ERROR_CODES.test(code);
}
