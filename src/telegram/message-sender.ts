import type { Telegraf } from 'telegraf';

/** Port: posts one HTML message to a chat and returns Telegram's message id. Errors are thrown as-is. */
export interface MessageSender {
  send(chatId: string, html: string): Promise<number>;
}

/** The telegraf adapter: `sendMessage` with HTML parse mode and link previews off (a digest or a report has many links). */
export function createTelegrafMessageSender(telegram: Telegraf['telegram']): MessageSender {
  return {
    async send(chatId, html) {
      const message = await telegram.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      return message.message_id;
    },
  };
}
