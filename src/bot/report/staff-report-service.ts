import { Cron } from 'croner';
import type { Telegram } from 'telegraf';
import type { Logger } from '../../log/logger.js';
import type { AnswerFeedbackStore } from '../../store/answer-feedback-store.js';
import type { QuestionLogStore } from '../../store/question-log-store.js';
import type { BackgroundService } from '../background-service.js';
import { MESSAGES_ZH } from '../i18n/messages-zh.js';
import { renderQuestionReport } from '../render/render-question-report.js';
import { splitHtmlMessage } from '../render/split-html-message.js';
import { buildQuestionReport } from './build-question-report.js';

/** Options for {@link createStaffReportService}. */
export interface StaffReportServiceOptions {
  /** STAFF_REPORT_CRON, read in `timezone`. */
  cron: string;
  timezone: string;
  /** STAFF_REPORT_CHAT_ID. */
  chatId: string;
  /** A Telegram client with its own retries (the digest's). */
  telegram: Telegram;
  stores: { questionLog: QuestionLogStore; answerFeedback: AnswerFeedbackStore };
  logger: Logger;
  /** Days each summary covers. Default 7. */
  days?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekly summary of unanswered questions and reader votes, sent to the staff chat on a cron schedule. */
export function createStaffReportService(options: StaffReportServiceOptions): BackgroundService & { sendNow(): Promise<void> } {
  const days = options.days ?? 7;
  let job: Cron | null = null;
  const sendNow = async () => {
    const report = await buildQuestionReport(options.stores, new Date(Date.now() - days * DAY_MS));
    for (const part of splitHtmlMessage(renderQuestionReport(report, days, MESSAGES_ZH))) {
      await options.telegram.sendMessage(options.chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    }
    options.logger.info({ questions: report.questions, unansweredGroups: report.unanswered.length }, 'staff report sent');
  };
  return {
    name: 'staff-report',
    sendNow,
    start() {
      job = new Cron(options.cron, { timezone: options.timezone, protect: true }, () =>
        sendNow().catch((error: unknown) => options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'staff report failed')),
      );
    },
    stop() {
      job?.stop();
      job = null;
    },
  };
}
