import type { Message, MessageEntity, UserFromGetMe } from 'telegraf/types';

/**
 * The question in a group message when it is addressed to the bot, else null:
 * the bot is mentioned (`@botname question`, mention removed) or the message replies to one of the bot's.
 * Works with privacy mode on: Telegram delivers exactly these messages (and commands) to the bot.
 */
export function addressedQuestion(message: Message.TextMessage, bot: UserFromGetMe): string | null {
  const mention = (message.entities ?? []).find((entity) => mentionsBot(message.text, entity, bot));
  if (mention) return (message.text.slice(0, mention.offset) + message.text.slice(mention.offset + mention.length)).replace(/\s+/g, ' ').trim();
  if (repliesToBot(message, bot)) return message.text.trim();
  return null;
}

/** Whether a message replies to one of the bot's: in a group, the reader continuing a conversation with it. */
export function repliesToBot(message: Message.TextMessage, bot: UserFromGetMe): boolean {
  return message.reply_to_message?.from?.id === bot.id;
}

function mentionsBot(text: string, entity: MessageEntity, bot: UserFromGetMe): boolean {
  if (entity.type === 'text_mention') return entity.user.id === bot.id;
  if (entity.type !== 'mention') return false;
  return text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${bot.username.toLowerCase()}`;
}

/** Whether a message starts with a bot command (handled by command handlers, never as a question). */
export function startsWithCommand(message: Message.TextMessage): boolean {
  return (message.entities ?? []).some((entity) => entity.type === 'bot_command' && entity.offset === 0);
}
