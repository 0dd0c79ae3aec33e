// The weekly staff report goes through the digest's retrying sender: a 429 or a 5xx is retried, a refusal is an error.
import { TelegramError } from 'telegraf';
import { expect, test } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { createStaffReportService } from '../../src/report/staff-report-service.js';
import { StaffReportNotSentError } from '../../src/report/staff-report-not-sent-error.js';
import { openStateStores } from '../../src/store/sqlite/open-state-stores.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import type { MessageSender } from '../../src/telegram/message-sender.js';

function senderFailing(errors: unknown[]): MessageSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(_chatId, html) {
      const error = errors.shift();
      if (error) throw error;
      sent.push(html);
      return sent.length;
    },
  };
}

function reportWith(sender: MessageSender, waits: number[]) {
  const database = openSqliteDatabase(':memory:');
  const { questionLog, answerFeedback } = openStateStores(database);
  return createStaffReportService({
    cron: '0 9 * * 1',
    timezone: 'Asia/Shanghai',
    chatId: '-100123',
    sender,
    stores: { questionLog, answerFeedback },
    logger: createLogger('silent'),
    send: { sleep: async (milliseconds) => void waits.push(milliseconds), baseDelayMs: 10 },
  });
}

test('a 429 on the staff report is waited out and the report still arrives', async () => {
  const waits: number[] = [];
  const sender = senderFailing([new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } })]);
  await reportWith(sender, waits).sendNow();
  expect(waits).toEqual([2000]);
  expect(sender.sent).toHaveLength(1);
  expect(sender.sent[0]).toContain('最近 7 天的提问');
});

test('a refused report is an error naming the chat', async () => {
  const sender = senderFailing([new TelegramError({ error_code: 403, description: 'Forbidden: bot was kicked from the group chat' })]);
  await expect(reportWith(sender, []).sendNow()).rejects.toBeInstanceOf(StaffReportNotSentError);
  expect(sender.sent).toEqual([]);
});
