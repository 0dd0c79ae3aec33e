import type { BotContext } from '../shared/bot-context.js';
import type { BotRuntime } from '../bot-runtime.js';
import { renderSourceLine } from '../shared/render/source-link.js';
import { rememberListedArticles } from '../shared/remember-listed-articles.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** Articles listed by /latest. */
const LATEST = 10;

/** `/latest`: the newest articles, numbered so `/source <n>` can open one. */
export async function latestCommand(ctx: BotContext, runtime: BotRuntime): Promise<void> {
  const messages = ctx.messages;
  const articles = runtime.deps.articles.latestArticles(LATEST);
  if (articles.length === 0) {
    await sendHtml(ctx, messages.archiveEmpty);
    return;
  }
  await rememberListedArticles(
    ctx,
    runtime.memory,
    articles.map((article) => article.id),
  );
  const items = articles.map((article, index) => `${index + 1}. ${renderSourceLine(article, messages.undated)}`);
  await sendHtml(ctx, [messages.latestHeading, '', ...items, '', messages.sourceUsage].join('\n'));
}
