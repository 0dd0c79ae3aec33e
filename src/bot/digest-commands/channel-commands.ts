import type { BotContext } from '../shared/bot-context.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { digestMessagesFor } from './digest-command-messages.js';
import type { DigestCommandsRuntime } from './digest-commands-runtime.js';
import { nextDigestTime } from './next-digest-time.js';
import { parseChannelName } from './parse-channel-name.js';

/**
 * `/addchannel @name` (staff): checks with getChatMember that the bot is an admin allowed to post
 * in the channel, then subscribes the channel's numeric id (from getChat).
 */
export async function addChannelCommand(ctx: BotContext, runtime: DigestCommandsRuntime, payload: string): Promise<void> {
  const messages = digestMessagesFor(ctx.language);
  const name = await channelNameOrUsage(ctx, payload);
  if (!name) return;
  const { logger } = runtime.deps;
  let chat: Awaited<ReturnType<BotContext['telegram']['getChat']>>;
  try {
    chat = await ctx.telegram.getChat(name);
  } catch (error) {
    logger.info({ channel: name, error: errorText(error) }, 'addchannel: getChat failed');
    await sendHtml(ctx, messages.channelNotFound(name));
    return;
  }
  if (chat.type !== 'channel') {
    await sendHtml(ctx, messages.notAChannel(name));
    return;
  }
  let canPost = false;
  try {
    const member = await ctx.telegram.getChatMember(chat.id, ctx.botInfo.id);
    canPost = member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false);
  } catch (error) {
    logger.info({ channel: name, error: errorText(error) }, 'addchannel: getChatMember failed');
  }
  if (!canPost) {
    await sendHtml(ctx, messages.botNotChannelAdmin(name));
    return;
  }
  const title = chat.title;
  await runtime.subscriptions.subscribe({ chatId: String(chat.id), title, username: name.slice(1), kind: 'channel', source: 'command' });
  logger.info({ chatId: chat.id, channel: name, staff: ctx.from ? runtime.deps.readerKeys.reader(ctx.from.id) : null }, 'digest channel added');
  const { cron, timezone } = runtime.deps.settings.digest;
  await sendHtml(ctx, messages.channelAdded(title, nextDigestTime(cron, timezone, runtime.now())));
}

/** `/removechannel @name` (staff): stops the digest there; works even after the bot lost access to the channel. */
export async function removeChannelCommand(ctx: BotContext, runtime: DigestCommandsRuntime, payload: string): Promise<void> {
  const messages = digestMessagesFor(ctx.language);
  const name = await channelNameOrUsage(ctx, payload);
  if (!name) return;
  const { subscriptions } = runtime;
  let subscription = await subscriptions.findByUsername(name);
  if (!subscription) {
    try {
      subscription = await subscriptions.get(String((await ctx.telegram.getChat(name)).id));
    } catch (error) {
      runtime.deps.logger.info({ channel: name, error: errorText(error) }, 'removechannel: getChat failed');
    }
  }
  if (!subscription?.active) {
    await sendHtml(ctx, messages.channelNotSubscribed(name));
    return;
  }
  await subscriptions.unsubscribe(subscription.chatId);
  runtime.deps.logger.info({ chatId: subscription.chatId, channel: name, staff: ctx.from ? runtime.deps.readerKeys.reader(ctx.from.id) : null }, 'digest channel removed');
  await sendHtml(ctx, messages.channelRemoved(subscription.title ?? name));
}

/** The `@name` after the command, or null after replying with the usage. */
async function channelNameOrUsage(ctx: BotContext, payload: string): Promise<string | null> {
  const name = parseChannelName(payload);
  if (!name) await sendHtml(ctx, digestMessagesFor(ctx.language).channelUsage);
  return name;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
