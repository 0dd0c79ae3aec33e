import type { BotDeps } from '../bot-deps.js';
import type { CommandContext } from '../shared/command-feature.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { pinProblem } from '../../answer/pinned/pin-problem.js';
import { parsePinCommand, type RepliedText } from './parse-pin-command.js';
import { pinMessagesFor } from './pin-messages.js';

/** What the pin commands use. */
export type PinCommandPorts = Pick<BotDeps, 'pins' | 'articles'>;

/** Staff `/pin 问题 | 答案 | 文章id`, or `/pin 答案 | 文章id` as a reply to the question. */
export async function pinCommand(ctx: CommandContext, ports: PinCommandPorts): Promise<void> {
  const messages = pinMessagesFor(ctx.language);
  const pin = parsePinCommand(ctx.payload, repliedText(ctx));
  if (pin === null) {
    await sendHtml(ctx, messages.pinUsage);
    return;
  }
  const problem = pinProblem(pin, (articleId) => ports.articles.getArticle(articleId) !== null);
  if (problem !== null) {
    await sendHtml(ctx, `${messages.problem(problem, pin.articleId)}\n${messages.pinUsage}`);
    return;
  }
  const stored = await ports.pins.add(pin);
  const title = stored.articleId === null ? null : (ports.articles.getArticle(stored.articleId)?.title ?? null);
  await sendHtml(ctx, messages.pinned(stored.id, stored.question, title));
}

/** Staff `/unpin <id>`. */
export async function unpinCommand(ctx: CommandContext, ports: PinCommandPorts): Promise<void> {
  const messages = pinMessagesFor(ctx.language);
  const argument = ctx.payload.trim();
  if (!/^\d{1,15}$/.test(argument)) {
    await sendHtml(ctx, messages.unpinUsage);
    return;
  }
  const id = Number(argument);
  await sendHtml(ctx, (await ports.pins.remove(id)) ? messages.unpinned(id) : messages.notPinned(id));
}

/** Staff `/pins`: every pin, with whether its article is still there to be served. */
export async function listPinsCommand(ctx: CommandContext, ports: PinCommandPorts): Promise<void> {
  const messages = pinMessagesFor(ctx.language);
  const pins = await ports.pins.list();
  if (pins.length === 0) {
    await sendHtml(ctx, messages.noPins);
    return;
  }
  const lines = pins.map((pin) => messages.listed(pin.id, pin.question, pin.answer, pin.articleId, pin.articleId === null || ports.articles.getArticle(pin.articleId) !== null));
  await sendHtml(ctx, [messages.listHeading, ...lines].join('\n'));
}

/** The replied message's text, or the part of it the staff member quoted (Bot API 7.0 `quote`). */
function repliedText(ctx: CommandContext): RepliedText | null {
  const message = ctx.message as { reply_to_message?: { text?: string; caption?: string }; quote?: { text?: string } } | undefined;
  const replied = message?.reply_to_message;
  if (!replied) return null;
  const text = message?.quote?.text ?? replied.text ?? replied.caption ?? '';
  return text.trim() === '' ? null : { text };
}
