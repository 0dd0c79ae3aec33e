/** Limits on how many messages one /source request (or one press of its next-page button) may send. */
export interface PaginateMessagesOptions {
  /** A text of at most this many messages is sent whole, on one page (default 5). */
  maxMessages?: number;
  /** Messages per page when the text is longer (default 4: room left for a fifth message such as a file). */
  messagesPerPage?: number;
}

/** Defaults of `PaginateMessagesOptions`. */
export const PAGINATE_DEFAULTS = {
  /** Telegram groups stay readable: one request never sends more than 5 messages. */
  maxMessages: 5,
  messagesPerPage: 4,
} as const;

/**
 * Groups already split messages into pages: one page when they fit in `maxMessages`,
 * else pages of `messagesPerPage`. Never returns an empty page.
 */
export function paginateMessages(parts: readonly string[], options: PaginateMessagesOptions = {}): string[][] {
  const maxMessages = options.maxMessages ?? PAGINATE_DEFAULTS.maxMessages;
  const messagesPerPage = options.messagesPerPage ?? PAGINATE_DEFAULTS.messagesPerPage;
  if (parts.length === 0) return [];
  if (parts.length <= maxMessages) return [[...parts]];
  const pages: string[][] = [];
  for (let start = 0; start < parts.length; start += messagesPerPage) pages.push(parts.slice(start, start + messagesPerPage));
  return pages;
}
