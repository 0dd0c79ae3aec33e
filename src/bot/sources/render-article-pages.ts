import type { StoredArticle } from '../../store/article-store.js';
import type { Messages } from '../shared/i18n/messages.js';
import { paginateMessages } from './paginate-messages.js';
import { renderArticle } from './render-article.js';
import { splitHtmlMessage } from '../../telegram/split-html-message.js';

/**
 * An article as pages of Telegram messages (each valid HTML within 4096 characters): one page when it fits
 * in 5 messages, else pages of 4. Deterministic, so page n is the same after a restart.
 */
export function renderArticlePages(article: StoredArticle, messages: Messages, notes: readonly string[] = []): string[][] {
  return paginateMessages(splitHtmlMessage(renderArticle(article, messages, notes)));
}
