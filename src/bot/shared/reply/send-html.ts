import type { BotContext } from '../bot-context.js';
import type { InlineKeyboardMarkup, Message } from 'telegraf/types';
import { splitHtmlMessage } from '../../../telegram/split-html-message.js';

export interface SendHtmlOptions {
  /** Makes the (first) message a reply to this one: used in groups so the answer sits under the question. */
  replyToMessageId?: number;
  /** Attached to the last part. */
  keyboard?: InlineKeyboardMarkup;
}

/**
 * Sends Telegram HTML to the current chat, split into several messages when longer than 4096 characters,
 * link previews off. Returns the sent messages in order.
 */
export async function sendHtml(ctx: BotContext, html: string, options: SendHtmlOptions = {}): Promise<Message.TextMessage[]> {
  const parts = splitHtmlMessage(html);
  const sent: Message.TextMessage[] = [];
  for (const [index, part] of parts.entries()) {
    const isFirst = index === 0;
    const isLast = index === parts.length - 1;
    sent.push(
      await ctx.reply(part, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(isFirst && options.replyToMessageId !== undefined ? { reply_parameters: { message_id: options.replyToMessageId, allow_sending_without_reply: true } } : {}),
        ...(isLast && options.keyboard ? { reply_markup: options.keyboard } : {}),
      }),
    );
  }
  return sent;
}

/**
 * The id of the message that triggered this update when it came from a group, so replies thread under it:
 * the reader's message, or the bot's message whose button was pressed.
 */
export function groupReplyTarget(ctx: BotContext): number | undefined {
  const isGroup = ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
  return isGroup ? (ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id) : undefined;
}
