import { TelegramError } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestScheduleError } from '../../src/digest/digest-scheduler.js';
import { EIGHT_AM, recordingSender, schedulerFixture } from './helpers/scheduler-fixture.js';

const telegramError = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ ok: false, error_code, description, ...(parameters ? { parameters } : {}) } as never);

let fixture: ReturnType<typeof schedulerFixture>;
afterEach(() => {
  vi.useRealTimers();
  fixture?.close();
});

async function subscribeChats(subscriptions: { subscribe: (input: never) => Promise<unknown> }, chatIds: string[]) {
  for (const chatId of chatIds) await subscriptions.subscribe({ chatId, kind: 'supergroup', source: 'command' } as never);
}

describe('DigestScheduler', () => {
  it('sends at 08:00 Asia/Shanghai to every subscribed chat, not before', async () => {
    fixture = schedulerFixture();
    const { sender, sent, chatsSentTo } = recordingSender();
    const { scheduler, subscriptions, sentDigests } = fixture.boot(sender);
    await subscribeChats(subscriptions, ['-1', '-2', '-3']);

    fixture.set('2026-04-22T23:59:59.000Z');
    expect(await scheduler.runDue()).toMatchObject({ date: '2026-04-23', due: false, outcomes: [] });
    expect(sent).toEqual([]);

    fixture.set(EIGHT_AM);
    const report = await scheduler.runDue();
    expect(report).toMatchObject({ date: '2026-04-23', due: true, articles: 3 });
    expect(report.scheduledAt?.toISOString()).toBe(EIGHT_AM);
    expect(chatsSentTo()).toEqual(['-1', '-2', '-3']);
    expect(sent[0]?.html).toContain('2026年4月23日');
    expect((await sentDigests.onDate('2026-04-23')).map((record) => record.chatId)).toEqual(['-1', '-2', '-3']);

    fixture.set('2026-04-23T00:05:00.000Z');
    await scheduler.runDue();
    expect(sent).toHaveLength(3);
    expect(fixture.logs().filter((record) => record.msg === 'digest sent')).toHaveLength(3);
  });

  it('fires from croner at 08:00 in the timezone (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-04-22T23:59:50.000Z'));
    fixture = schedulerFixture();
    const { sender, chatsSentTo } = recordingSender();
    const { scheduler, subscriptions } = fixture.boot(sender, { now: () => new Date() });
    await subscribeChats(subscriptions, ['-1']);
    expect((await scheduler.start()).due).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(chatsSentTo()).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(chatsSentTo()).toEqual(['-1']);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(chatsSentTo()).toEqual(['-1']);
    scheduler.stop();
  });

  it('does not send again after a restart that follows the send', async () => {
    fixture = schedulerFixture();
    const { sender, sent } = recordingSender();
    const first = fixture.boot(sender);
    await subscribeChats(first.subscriptions, ['-1', '-2']);
    fixture.set(EIGHT_AM);
    await first.scheduler.runDue();
    first.scheduler.stop();
    first.database.close();
    expect(sent).toHaveLength(2);

    fixture.set('2026-04-23T01:30:00.000Z');
    const second = fixture.boot(sender);
    const report = await second.scheduler.start();
    second.scheduler.stop();
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['already-sent', 'already-sent']);
    expect(sent).toHaveLength(2);
  });

  it('catches up once after a restart that missed the send', async () => {
    fixture = schedulerFixture();
    const { sender, chatsSentTo } = recordingSender();
    const first = fixture.boot(sender);
    await subscribeChats(first.subscriptions, ['-1', '-2']);
    expect((await first.scheduler.start()).due).toBe(false);
    first.scheduler.stop(); // the process dies at 07:30
    first.database.close();

    fixture.set('2026-04-23T01:15:00.000Z'); // 09:15, back up
    const second = fixture.boot(sender);
    const report = await second.scheduler.start();
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
    expect(chatsSentTo()).toEqual(['-1', '-2']);
    await second.scheduler.runDue();
    second.scheduler.stop();
    second.database.close();

    const third = fixture.boot(sender);
    await third.scheduler.start();
    third.scheduler.stop();
    expect(chatsSentTo()).toEqual(['-1', '-2']);
  });

  it('disables a 403 chat while the others receive theirs, and logs every outcome', async () => {
    fixture = schedulerFixture();
    const { sender, chatsSentTo } = recordingSender((chatId) =>
      chatId === '-2' ? telegramError(403, 'Forbidden: bot was kicked from the supergroup chat') : chatId === '-4' ? telegramError(400, 'Bad Request: chat not found') : undefined,
    );
    const { scheduler, subscriptions, sentDigests } = fixture.boot(sender);
    await subscribeChats(subscriptions, ['-1', '-2', '-3', '-4']);
    fixture.set(EIGHT_AM);
    const report = await scheduler.runDue();
    expect(report.outcomes.map((outcome) => [outcome.chatId, outcome.status])).toEqual([
      ['-1', 'sent'],
      ['-2', 'disabled'],
      ['-3', 'sent'],
      ['-4', 'disabled'],
    ]);
    expect(chatsSentTo()).toEqual(['-1', '-3']);
    expect(await subscriptions.get('-2')).toMatchObject({ active: false, disabledReason: '403: Forbidden: bot was kicked from the supergroup chat' });
    expect(await sentDigests.wasSent('-2', '2026-04-23')).toBe(false);
    const logs = fixture.logs();
    expect(logs.filter((record) => record.msg === 'digest chat disabled after a permanent error').map((record) => record.chatId)).toEqual(['-2', '-4']);
    expect(logs.find((record) => record.msg === 'digest run finished')).toMatchObject({ sent: 2, disabled: 2, failed: 0 });

    fixture.set('2026-04-24T00:00:00.000Z');
    await scheduler.runDue();
    expect(chatsSentTo()).toEqual(['-1', '-3', '-1', '-3']);
  });

  it('retries transient errors, then leaves the chat for a later run that resumes where it stopped', async () => {
    fixture = schedulerFixture({ articles: 200 }); // two messages
    let outage = true;
    const { sender, sent } = recordingSender((chatId, attempt) => (chatId === '-2' && outage && attempt > 1 ? telegramError(502, 'Bad Gateway') : undefined));
    const { scheduler, subscriptions, sentDigests } = fixture.boot(sender, { send: { sleep: async () => undefined, maxAttempts: 3 } });
    await subscribeChats(subscriptions, ['-1', '-2']);
    fixture.set(EIGHT_AM);

    const first = await scheduler.runDue();
    expect(first.outcomes.map((outcome) => [outcome.chatId, outcome.status, outcome.transient])).toEqual([
      ['-1', 'sent', undefined],
      ['-2', 'failed', true],
    ]);
    expect(await sentDigests.wasSent('-2', '2026-04-23')).toBe(false);
    expect((await subscriptions.get('-2'))?.active).toBe(true);
    const deliveredBefore = sent.filter((entry) => entry.chatId === '-2').length;

    outage = false;
    fixture.set('2026-04-23T00:10:00.000Z');
    const second = await scheduler.runDue();
    expect(second.outcomes.find((outcome) => outcome.chatId === '-2')?.status).toBe('sent');
    const toSecondChat = sent.filter((entry) => entry.chatId === '-2').map((entry) => entry.html);
    const toFirstChat = sent.filter((entry) => entry.chatId === '-1').map((entry) => entry.html);
    expect(deliveredBefore).toBe(1);
    expect(toFirstChat.length).toBeGreaterThan(1);
    expect(toSecondChat).toEqual(toFirstChat);
    expect((await sentDigests.get('-2', '2026-04-23'))?.messageIds).toHaveLength(toFirstChat.length);
  });

  it('follows a group that became a supergroup', async () => {
    fixture = schedulerFixture();
    const { sender, chatsSentTo } = recordingSender((chatId) =>
      chatId === '-5' ? telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1005 }) : undefined,
    );
    const { scheduler, subscriptions, sentDigests } = fixture.boot(sender);
    await subscribeChats(subscriptions, ['-5']);
    fixture.set(EIGHT_AM);
    const report = await scheduler.runDue();
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['migrated', 'sent']);
    expect(chatsSentTo()).toEqual(['-1005']);
    expect((await subscriptions.get('-1005'))?.active).toBe(true);
    expect(await sentDigests.wasSent('-1005', '2026-04-23')).toBe(true);
  });

  it('sends nothing on a day without articles', async () => {
    fixture = schedulerFixture({ articles: 0 });
    const { sender, sent } = recordingSender();
    const { scheduler, subscriptions, sentDigests } = fixture.boot(sender);
    await subscribeChats(subscriptions, ['-1']);
    fixture.set(EIGHT_AM);
    expect(await scheduler.runDue()).toMatchObject({ due: true, articles: 0 });
    expect(sent).toEqual([]);
    expect(await sentDigests.wasSent('-1', '2026-04-23')).toBe(false);
    expect(fixture.logs().some((record) => record.msg === 'no articles today; no digest sent')).toBe(true);
  });

  it('does not catch up for a chat that subscribed after today’s digest time', async () => {
    fixture = schedulerFixture({ start: '2026-04-23T02:00:00.000Z' });
    const { sender, sent } = recordingSender();
    const { scheduler, subscriptions } = fixture.boot(sender);
    await subscribeChats(subscriptions, ['-1']);
    expect((await scheduler.runDue()).outcomes).toEqual([{ chatId: '-1', status: 'not-yet-subscribed' }]);
    fixture.set('2026-04-24T00:00:00.000Z');
    await scheduler.runDue();
    expect(sent.map((entry) => entry.chatId)).toEqual(['-1']);
  });

  it('knows days the pattern skips, and rejects a bad pattern or timezone with the fix', async () => {
    fixture = schedulerFixture();
    const { sender } = recordingSender();
    const weekdays = fixture.boot(sender, { cron: '0 8 * * 1-5' }).scheduler;
    expect(weekdays.scheduledTimeOn('2026-04-25')).toBeNull(); // a Saturday
    expect(weekdays.scheduledTimeOn('2026-04-24')?.toISOString()).toBe('2026-04-24T00:00:00.000Z');
    expect(() => fixture.boot(sender, { cron: '0 25 * * *' })).toThrow(DigestScheduleError);
    expect(() => fixture.boot(sender, { timezone: 'Mars/Olympus' })).toThrow(/DIGEST_TIMEZONE/);
  });
});
