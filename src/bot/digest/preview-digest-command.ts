import type { Context } from 'telegraf';
import { buildDigest } from '../../digest/build-digest.js';
import { languageFromCode } from '../../digest/digest-language.js';
import { isCalendarDate } from '../../digest/is-calendar-date.js';
import { todayInTimezone } from '../../digest/today-in-timezone.js';
import { renderDigestMessages } from '../../digest/render-digest-messages.js';
import { groupReplyTarget, sendHtml } from '../reply/send-html.js';
import { digestMessagesFor } from './digest-command-messages.js';
import type { DigestCommandsRuntime } from './digest-commands-runtime.js';

/** `/digest [YYYY-MM-DD]`: shows a day's digest (default today in DIGEST_TIMEZONE) in the current chat. */
export async function previewDigestCommand(ctx: Context, runtime: DigestCommandsRuntime, payload: string): Promise<void> {
  const messages = digestMessagesFor(ctx.from?.language_code);
  const requested = payload.trim();
  if (requested !== '' && !isCalendarDate(requested)) {
    await sendHtml(ctx, messages.digestUsage);
    return;
  }
  const { archive } = runtime.deps;
  const date = requested || todayInTimezone(runtime.now(), archive.config.digest.timezone);
  const digest = buildDigest(archive.store, date, { language: languageFromCode(ctx.from?.language_code) });
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
