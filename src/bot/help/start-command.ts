import type { BotContext } from '../shared/bot-context.js';
import type { BotRuntime } from '../bot-runtime.js';
import { renderHelp } from '../shared/render/render-help.js';
import { shortenText } from '../../telegram/shorten-text.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** Example questions shown by /start, drawn from the newest articles. */
const EXAMPLES = 3;

/** `/start`: what the bot does, and three example questions about the newest articles. */
export async function startCommand(ctx: BotContext, runtime: BotRuntime): Promise<void> {
  const messages = ctx.messages;
  const titles = runtime.deps.articles
    .latestArticles(EXAMPLES * 2)
    .map((article) => article.title.trim())
    .filter((title) => title.length > 0)
    .slice(0, EXAMPLES);
  const lines = [messages.welcome, ''];
  if (titles.length === 0) lines.push(messages.archiveEmpty);
  else lines.push(messages.examplesHeading, ...titles.map((title) => `• ${messages.exampleQuestion(shortenText(title, 40))}`));
  lines.push('', renderHelp(messages, runtime.menu(), runtime.deps.isStaff(ctx.from?.id), { retentionDays: runtime.deps.settings.questionLogRetentionDays }));
  await sendHtml(ctx, lines.join('\n'));
}
