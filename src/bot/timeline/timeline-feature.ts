import { Composer } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { BotRuntime } from '../bot-runtime.js';
import type { BotContext } from '../shared/bot-context.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { describeCommand } from '../shared/describe-command.js';
import { deepLink } from '../shared/deep-link-payload.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { buildTimeline } from '../../timeline/build-timeline.js';
import { renderTimelineEntries } from './render-timeline.js';
import { timelineMessages } from './timeline-messages.js';

/** Reports per message: a readable length; the rest behind a button. */
export const TIMELINE_PAGE = 8;

/**
 * `/timeline <topic>`: the story's reports oldest first, `TIMELINE_PAGE` at a time. The "more" button carries a random
 * key bound to the chat (and, in a private chat, to the reader), as the answers' "more results" button does: pressed
 * anywhere else it has expired. A deep link `t.me/<bot>?start=tl_<topic in base64url>` opens the same first page,
 * whose "share" button carries that link.
 */
export function timelineFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  composer.command('timeline', async (ctx) => {
    const messages = timelineMessages(ctx.language);
    const topic = ctx.payload.trim();
    if (topic.length === 0) {
      await sendHtml(ctx, messages.usage, { replyToMessageId: groupReplyTarget(ctx) });
      return;
    }
    await sendPage(ctx, runtime, topic, []);
  });

  runtime.deepLinks.add('tl', (ctx, topic) => sendPage(ctx, runtime, topic, []));

  composer.action(/^tl:([A-Za-z0-9_-]{22})$/, async (ctx) => {
    const messages = timelineMessages(ctx.language);
    const chat = ctx.callbackQuery.message?.chat;
    const remembered = chat ? await runtime.memory.question(ctx.match[1]!, { chatId: chat.id, userId: ctx.from.id }) : null;
    if (!remembered) {
      await ctx.answerCbQuery(messages.expired);
      return;
    }
    await ctx.answerCbQuery();
    await sendPage(ctx, runtime, remembered.question, remembered.shownArticleIds);
  });
  return { composer, menu: [describeCommand('timeline')] };
}

async function sendPage(ctx: BotContext, runtime: BotRuntime, topic: string, shown: readonly string[]): Promise<void> {
  const messages = timelineMessages(ctx.language);
  const timeline = await buildTimeline(topic, { retriever: runtime.deps.retriever });
  const left = timeline.entries.filter((entry) => !shown.includes(entry.articleId));
  const replyToMessageId = groupReplyTarget(ctx);
  const topicHtml = escapeHtml(topic);
  if (left.length === 0) {
    await sendHtml(ctx, messages.none(topicHtml), { replyToMessageId });
    return;
  }
  const page = left.slice(0, TIMELINE_PAGE);
  const html = `${shown.length === 0 ? `${messages.heading(topicHtml)}\n` : ''}${renderTimelineEntries(page, messages.undated)}`;
  const nowShown = [...shown, ...page.map((entry) => entry.articleId)];
  const key =
    left.length > page.length && ctx.chat && ctx.from
      ? await runtime.memory.rememberQuestion({ question: topic, shownArticleIds: nowShown }, { chatId: ctx.chat.id, userId: ctx.from.id, readerOnly: ctx.chat.type === 'private' })
      : null;
  // The first page offers its deep link, when the topic fits in one (64 characters).
  const link = shown.length === 0 ? deepLink(ctx.botInfo.username, { kind: 'tl', value: topic }) : null;
  const rows: InlineKeyboardButton[][] = [];
  if (key) rows.push([{ text: messages.moreButton, callback_data: `tl:${key}` }]);
  if (link) rows.push([{ text: messages.shareButton, url: link }]);
  const keyboard: InlineKeyboardMarkup | undefined = rows.length > 0 ? { inline_keyboard: rows } : undefined;
  await sendHtml(ctx, html, { replyToMessageId, ...(keyboard ? { keyboard } : {}) });
}
