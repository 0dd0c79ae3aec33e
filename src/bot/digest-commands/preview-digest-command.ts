import type { BotContext } from '../shared/bot-context.js';
import { buildDigest } from '../../digest/build-digest.js';
import { isCalendarDate } from '../../digest/is-calendar-date.js';
import { todayInTimezone } from '../../digest/today-in-timezone.js';
import { renderDigestMessages } from '../../digest/render-digest-messages.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { digestMessagesFor } from './digest-command-messages.js';
import type { DigestCommandsRuntime } from './digest-commands-runtime.js';

/** `/digest [YYYY-MM-DD]`: shows a day's digest (default today in DIGEST_TIMEZONE) in the current chat. */
export async function previewDigestCommand(ctx: BotContext, runtime: DigestCommandsRuntime, payload: string): Promise<void> {
  const messages = digestMessagesFor(ctx.language);
  const requested = payload.trim();
  if (requested !== '' && !isCalendarDate(requested)) {
    await sendHtml(ctx, messages.digestUsage);
    return;
  }
  const date = requested || todayInTimezone(runtime.now(), runtime.deps.settings.digest.timezone);
  const digest = buildDigest(runtime.deps.articles, date, { language: ctx.language });
  const replyToMessageId = groupReplyTarget(ctx);
  const htmlMessages = renderDigestMessages(digest);
  if (htmlMessages.length === 0) {
    await sendHtml(ctx, messages.noArticles(date), { replyToMessageId });
    return;
  }
  for (const [index, html] of htmlMessages.entries()) {
    await sendHtml(ctx, html, index === 0 ? { replyToMessageId } : {});
  }
}
