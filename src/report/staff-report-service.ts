import { Cron } from 'croner';
import type { Logger } from '../log/logger.js';
import type { AnswerFeedbackStore } from '../store/answer-feedback-store.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import type { MessageSender } from '../telegram/message-sender.js';
import { type SendMessagesOptions, sendMessages } from '../telegram/send-messages.js';
import { splitHtmlMessage } from '../telegram/split-html-message.js';
import { buildQuestionReport } from './build-question-report.js';
import { renderQuestionReport } from './render-question-report.js';
import { REPORT_MESSAGES_ZH } from './report-messages.js';
import { StaffReportNotSentError } from './staff-report-not-sent-error.js';
import type { PinMatcher } from '../answer/pinned/pin-matcher.js';

/** Options for {@link createStaffReportService}. */
export interface StaffReportServiceOptions {
  /** STAFF_REPORT_CRON, read in `timezone`. */
  cron: string;
  timezone: string;
  /** STAFF_REPORT_CHAT_ID. */
  chatId: string;
  /** Where the report is posted; every message goes through `sendMessages`, the digest's retries. */
  sender: MessageSender;
  stores: { questionLog: QuestionLogStore; answerFeedback: AnswerFeedbackStore };
  /** The archive's pin matcher: groups a pin now answers are marked (absent: none are). */
  pins?: Pick<PinMatcher, 'match'> | null;
  logger: Logger;
  /** Days each summary covers. Default 7. */
  days?: number;
  /** Retry tuning (tests). */
  send?: Pick<SendMessagesOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
}

/** The weekly staff report as a background job `serve` starts and stops. */
export interface StaffReportService {
  readonly name: 'staff-report';
  /** Builds and sends the report now; rejects when Telegram refused it or retries ran out. */
  sendNow(): Promise<void>;
  start(): void;
  stop(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekly summary of unanswered questions and reader votes, sent to the staff chat on a cron schedule. */
export function createStaffReportService(options: StaffReportServiceOptions): StaffReportService {
  const days = options.days ?? 7;
  let job: Cron | null = null;
  const sendNow = async () => {
    const report = await buildQuestionReport(options.stores, new Date(Date.now() - days * DAY_MS), options.pins ?? null);
    const parts = splitHtmlMessage(renderQuestionReport(report, days, REPORT_MESSAGES_ZH));
    const result = await sendMessages(options.sender, options.chatId, parts, {
      ...options.send,
      onRetry: ({ attempt, delayMs, failure }) => options.logger.warn({ attempt, delayMs, failure }, 'staff report message failed; retrying'),
    });
    if (result.status !== 'sent') {
      const reason = result.status === 'failed' ? result.failure.reason : String(result.error);
      throw new StaffReportNotSentError(options.chatId, result.delivered.length, parts.length, reason);
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
