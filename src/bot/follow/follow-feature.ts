import { Composer } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import type { BotContext } from '../shared/bot-context.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { describeCommand } from '../shared/describe-command.js';
import { FOLLOW_BUTTON_PATTERN } from '../shared/follow-button-data.js';
import { isChatAdmin } from '../shared/is-chat-admin.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { followMessages } from './follow-messages.js';

/** Longest topic accepted, in characters: a topic is a few words, searched like a /timeline topic. */
export const MAX_TOPIC_CHARS = 50;

/**
 * `/follow <topic>`, `/unfollow <topic>`, `/following`: the chat's followed topics, whose new reports the follow alerts
 * (src/follow/, run by `serve`) send. In a private chat the reader follows for themself; in a group only its admins
 * follow for the group. A private chat's id is kept to send to, and erased by /forget and /unfollow (README, privacy).
 */
export function followFeature(runtime: BotRuntime): BotFeature {
  const { follows } = runtime.deps.readerData;
  const { topicsMax } = runtime.deps.settings.follow;
  const composer = new Composer<BotContext>();

  composer.command('follow', async (ctx) => {
    const messages = followMessages(ctx.language);
    const topic = ctx.payload.trim().replace(/\s+/g, ' ');
    const reply = (html: string) => sendHtml(ctx, html, { replyToMessageId: groupReplyTarget(ctx) });
    if (topic.length === 0) return void (await reply(messages.followUsage));
    if ([...topic].length > MAX_TOPIC_CHARS) return void (await reply(messages.topicTooLong(MAX_TOPIC_CHARS)));
    if (!(await mayChange(ctx))) return void (await reply(messages.adminsOnly));
    const result = await follows.follow({ chatId: String(ctx.chat.id), topic, language: ctx.language }, topicsMax);
    const topicHtml = escapeHtml(topic);
    await reply(result === 'added' ? messages.followed(topicHtml) : result === 'already' ? messages.already(topicHtml) : messages.limit(topicsMax));
  });

  // "关注此话题 / Follow" under an answer: the same follow, answered in the button's small notice.
  composer.action(FOLLOW_BUTTON_PATTERN, async (ctx) => {
    const messages = followMessages(ctx.language);
    const topic = ctx.match[1]!.trim();
    const chat = ctx.callbackQuery.message?.chat;
    if (!chat || topic.length === 0 || [...topic].length > MAX_TOPIC_CHARS) return void (await ctx.answerCbQuery(messages.followUsage));
    if (chat.type !== 'private' && !(await isChatAdmin(ctx))) return void (await ctx.answerCbQuery(messages.adminsOnly));
    const result = await follows.follow({ chatId: String(chat.id), topic, language: ctx.language }, topicsMax);
    // The notice is plain text: the topic needs no escaping there.
    await ctx.answerCbQuery(result === 'added' ? messages.followedNotice(topic) : result === 'already' ? messages.alreadyNotice(topic) : messages.limitNotice(topicsMax));
  });

  composer.command('unfollow', async (ctx) => {
    const messages = followMessages(ctx.language);
    const topic = ctx.payload.trim().replace(/\s+/g, ' ');
    const reply = (html: string) => sendHtml(ctx, html, { replyToMessageId: groupReplyTarget(ctx) });
    if (topic.length === 0) return void (await reply(messages.unfollowUsage));
    if (!(await mayChange(ctx))) return void (await reply(messages.adminsOnly));
    const removed = await follows.unfollow(String(ctx.chat.id), topic);
    await reply(removed ? messages.unfollowed(escapeHtml(topic)) : messages.notFollowed(escapeHtml(topic)));
  });

  composer.command('following', async (ctx) => {
    const messages = followMessages(ctx.language);
    const topics = await follows.following(String(ctx.chat.id));
    const html = topics.length === 0 ? messages.none : `${messages.heading}\n${topics.map((follow) => `• ${escapeHtml(follow.topic)}`).join('\n')}`;
    await sendHtml(ctx, html, { replyToMessageId: groupReplyTarget(ctx) });
  });

  return { composer, menu: [describeCommand('follow'), describeCommand('unfollow'), describeCommand('following')] };
}

/** A private chat's reader changes their own topics; a group's, only its admins. */
async function mayChange(ctx: BotContext): Promise<boolean> {
  return ctx.chat?.type === 'private' || isChatAdmin(ctx);
}
