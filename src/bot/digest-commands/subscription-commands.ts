import type { BotContext } from '../shared/bot-context.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { digestMessagesFor } from './digest-command-messages.js';
import type { DigestCommandsRuntime } from './digest-commands-runtime.js';
import { isChatAdmin } from '../shared/is-chat-admin.js';
import { nextDigestTime } from './next-digest-time.js';

/** `/subscribe` in a group: admins only; the group gets the daily digest from the next scheduled time. */
export async function subscribeCommand(ctx: BotContext, runtime: DigestCommandsRuntime): Promise<void> {
  await changeSubscription(ctx, runtime, 'subscribe');
}

/** `/unsubscribe` in a group: admins only. */
export async function unsubscribeCommand(ctx: BotContext, runtime: DigestCommandsRuntime): Promise<void> {
  await changeSubscription(ctx, runtime, 'unsubscribe');
}

async function changeSubscription(ctx: BotContext, runtime: DigestCommandsRuntime, action: 'subscribe' | 'unsubscribe'): Promise<void> {
  const messages = digestMessagesFor(ctx.language);
  const chat = ctx.chat;
  const reply = (html: string) => sendHtml(ctx, html, { replyToMessageId: groupReplyTarget(ctx) });
  if (!chat || (chat.type !== 'group' && chat.type !== 'supergroup')) {
    await reply(messages.groupsOnly);
    return;
  }
  const { logger, readerKeys } = runtime.deps;
  // Who asked, as the keyed hash: never a plain user id in the log.
  const reader = ctx.from ? readerKeys.reader(ctx.from.id) : null;
  let admin: boolean;
  try {
    admin = await isChatAdmin(ctx);
  } catch (error) {
    logger.warn({ chatId: chat.id, reader, error: error instanceof Error ? error.message : String(error) }, 'getChatMember failed');
    await reply(messages.adminCheckFailed);
    return;
  }
  if (!admin) {
    logger.info({ chatId: chat.id, reader, action }, 'digest subscription refused: not an admin');
    await reply(messages.adminsOnly);
    return;
  }
  const { subscriptions } = runtime;
  const chatId = String(chat.id);
  if (action === 'unsubscribe') {
    const changed = await subscriptions.unsubscribe(chatId);
    logger.info({ chatId, reader, changed }, 'digest unsubscribed');
    await reply(changed ? messages.unsubscribed : messages.notSubscribed);
    return;
  }
  const { cron, timezone } = runtime.deps.settings.digest;
  const nextRun = nextDigestTime(cron, timezone, runtime.now());
  if ((await subscriptions.get(chatId))?.active) {
    await reply(messages.alreadySubscribed(nextRun));
    return;
  }
  await subscriptions.subscribe({ chatId, title: chat.title, kind: chat.type, source: 'command' });
  logger.info({ chatId, reader }, 'digest subscribed');
  await reply(messages.subscribed(nextRun));
}
