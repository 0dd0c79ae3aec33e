import type { Telegraf } from 'telegraf';
import { addMenuCommands } from '../api/menu-commands.js';
import type { BotRuntime } from '../bot-runtime.js';
import { answerQuestion } from '../handlers/answer-question.js';
import { MESSAGES_EN } from '../i18n/messages-en.js';
import { MESSAGES_ZH } from '../i18n/messages-zh.js';
import type { Messages } from '../i18n/messages.js';
import { messagesFor } from '../i18n/language.js';
import { renderHelp } from '../render/render-help.js';
import { sendHtml } from '../reply/send-html.js';
import { renderFeedbackSummary } from '../../report/render-question-report.js';
import { summarizeFeedback } from '../../report/summarize-feedback.js';
import { forgetCommand } from './forget-command.js';
import { latestCommand } from './latest-command.js';
import { searchCommand } from './search-command.js';
import { sourceCommand } from './source-command.js';
import { staffOnly } from './staff-only.js';
import { startCommand } from './start-command.js';
import { unansweredCommand } from './unanswered-command.js';

type CommandName = keyof Messages['commandDescriptions'];
const STAFF_COMMANDS: readonly CommandName[] = ['search', 'stats', 'unanswered'];
const MENU_ORDER: readonly CommandName[] = ['start', 'help', 'ask', 'latest', 'source', 'forget', 'search', 'stats', 'unanswered'];
/** How far back /stats reads reader votes. */
const STATS_FEEDBACK_DAYS = 28;

/** The bot's own commands (`/start`, `/help`, `/ask`, `/latest`, `/source`, staff `/search` and `/stats`), added to the menu too. */
export function registerCommands(bot: Telegraf, runtime: BotRuntime): void {
  const { deps } = runtime;
  bot.start((ctx) => startCommand(ctx, runtime));
  bot.help(async (ctx) => {
    const privacy = { retentionDays: deps.archive.config.questionLog.retentionDays };
    await sendHtml(ctx, renderHelp(messagesFor(ctx.from.language_code), runtime.menu(), deps.isStaff(ctx.from.id), privacy));
  });
  bot.command('ask', (ctx) => answerQuestion(ctx, runtime, ctx.payload));
  bot.command('latest', (ctx) => latestCommand(ctx, runtime));
  bot.command('source', (ctx) => sourceCommand(ctx, runtime, ctx.payload));
  bot.command('forget', (ctx) => forgetCommand(ctx, runtime));
  bot.command(
    'search',
    staffOnly(deps, (ctx) => searchCommand(ctx, runtime, ctx.payload)),
  );
  bot.command(
    'stats',
    staffOnly(deps, async (ctx) => {
      const messages = messagesFor(ctx.from.language_code);
      const votes = await deps.answerFeedback.votes(new Date(Date.now() - STATS_FEEDBACK_DAYS * 24 * 60 * 60 * 1000));
      await sendHtml(ctx, `${messages.stats(deps.archive.store.stats())}\n\n${renderFeedbackSummary(summarizeFeedback(votes), messages.report)}`);
    }),
  );
  bot.command(
    'unanswered',
    staffOnly(deps, (ctx) => unansweredCommand(ctx, runtime, ctx.payload)),
  );
  addMenuCommands(
    bot,
    MENU_ORDER.map((command) => ({
      command,
      zh: MESSAGES_ZH.commandDescriptions[command],
      en: MESSAGES_EN.commandDescriptions[command],
      staffOnly: STAFF_COMMANDS.includes(command),
    })),
  );
}
