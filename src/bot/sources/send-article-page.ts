import type { BotContext } from '../shared/bot-context.js';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { StoredArticle } from '../../store/article-store.js';
import type { Messages } from '../shared/i18n/messages.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { sendArticleDocument } from './send-article-document.js';
import { sourceFileData, sourcePageData } from '../shared/source-button-data.js';

export interface SendArticlePageOptions {
  /** 1-based page number. */
  page: number;
  /** Makes the first message a reply to this one. */
  replyToMessageId?: number;
}

/**
 * Sends one page of an article (from `renderArticlePages`), at most 5 messages. When there are more pages,
 * the last message carries a "next page" and a "whole text as .txt" button; when the article id is too long
 * for a button, the page is followed by the .txt file instead. Returns false (sending nothing) for a page
 * that does not exist.
 */
export async function sendArticlePage(ctx: BotContext, article: StoredArticle, pages: readonly string[][], messages: Messages, options: SendArticlePageOptions): Promise<boolean> {
  const parts = pages[options.page - 1];
  if (!parts) return false;
  const hasNextPage = options.page < pages.length;
  const nextPageData = hasNextPage ? sourcePageData(article.id, options.page + 1) : null;
  const fileData = pages.length > 1 ? sourceFileData(article.id) : null;
  const row: InlineKeyboardButton[] = [];
  if (nextPageData) row.push({ text: messages.nextPageButton(options.page + 1, pages.length), callback_data: nextPageData });
  if (fileData) row.push({ text: messages.fullTextFileButton, callback_data: fileData });
  const keyboard: InlineKeyboardMarkup | undefined = row.length > 0 ? { inline_keyboard: [row] } : undefined;
  for (const [index, part] of parts.entries()) {
    const isLast = index === parts.length - 1;
    await sendHtml(ctx, part, {
      ...(index === 0 && options.replyToMessageId !== undefined ? { replyToMessageId: options.replyToMessageId } : {}),
      ...(isLast && keyboard ? { keyboard } : {}),
    });
  }
  if (hasNextPage && !nextPageData) await sendArticleDocument(ctx, article, messages);
  return true;
}
