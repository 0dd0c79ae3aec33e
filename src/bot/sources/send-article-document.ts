import type { BotContext } from '../shared/bot-context.js';
import type { Message } from 'telegraf/types';
import type { StoredArticle } from '../../store/article-store.js';
import type { Messages } from '../shared/i18n/messages.js';
import { renderArticleText } from './render-article-text.js';
import { shortenText } from '../../telegram/shorten-text.js';

export interface SendArticleDocumentOptions {
  /** Makes the file a reply to this message (the /source command or the pressed button's message). */
  replyToMessageId?: number;
}

/** Longest title shown in the caption; Telegram allows 1,024 characters of caption. */
const CAPTION_TITLE_CHARACTERS = 200;

/** Sends a whole article as one UTF-8 .txt file: a single message however long the article. */
export async function sendArticleDocument(ctx: BotContext, article: StoredArticle, messages: Messages, options: SendArticleDocumentOptions = {}): Promise<Message.DocumentMessage> {
  const text = renderArticleText(article, { undated: messages.undated });
  return ctx.replyWithDocument(
    { source: Buffer.from(text, 'utf8'), filename: articleFileName(article.id) },
    {
      caption: messages.fullTextFileCaption(shortenText(article.title, CAPTION_TITLE_CHARACTERS)),
      parse_mode: 'HTML',
      ...(options.replyToMessageId !== undefined ? { reply_parameters: { message_id: options.replyToMessageId, allow_sending_without_reply: true } } : {}),
    },
  );
}

/** A safe file name from an article id (ids may be URLs or feed GUIDs). */
function articleFileName(articleId: string): string {
  const safe = articleId
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${safe.length > 0 ? safe : 'article'}.txt`;
}
