// Chat memory and rate-limit windows live in the database (chats and readers keyed with the secret kept in the home):
// after the bot stops and the archive is closed, a bot started again on the same NEWSBOT_HOME still runs an old
// "more results" button and still
// counts the questions asked before the restart. The real archive of the sample page, the loopback Bot API.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './harness.js';

const QUESTION = '株洲有几个国家中小企业特色产业集群？';

let home: string;
const running: BotHarness[] = [];

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'newsbot-restart-'));
});

afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
  await fs.rm(home, { recursive: true, force: true });
});

/** A bot on the shared home; the first one ingests the sample page there. */
async function startBot(env: Record<string, string>, ingestSamplePage: boolean): Promise<BotHarness> {
  const harness = await startBotHarness({ env: { NEWSBOT_HOME: home, ...env }, ingestSamplePage });
  running.push(harness);
  return harness;
}

/** Stops the bot, closes the archive and the Bot API emulator (the home stays: it is ours, not the harness's). */
async function restart(harness: BotHarness, env: Record<string, string> = {}): Promise<BotHarness> {
  running.splice(running.indexOf(harness), 1);
  await harness.stop();
  return startBot(env, false);
}

describe('a restart keeps the bot’s state', () => {
  it('keeps a "more results" button working', async () => {
    const first = await startBot({}, true);
    const [answer] = await first.sendPrivateMessage(QUESTION);
    const moreButton = answer!.buttons.flat().find((button) => button.text === '更多结果');
    expect(moreButton?.callbackData).toMatch(/^more:[A-Za-z0-9_-]{22}$/);

    const second = await restart(first);
    const pressed = await second.pressButton(answer!, '更多结果');
    expect(pressed.callbackAnswer?.text).toBeUndefined(); // not "这个按钮已过期"
    expect(pressed.replies).toHaveLength(1);
    expect(pressed.replies[0]!.text).toMatch(/更多结果|没有更多结果/);

    // A question asked after the restart gets a new random key.
    const [again] = await second.sendPrivateMessage(QUESTION);
    const newButton = again!.buttons.flat().find((button) => button.text === '更多结果');
    expect(newButton?.callbackData).toMatch(/^more:[A-Za-z0-9_-]{22}$/);
    expect(newButton?.callbackData).not.toBe(moreButton?.callbackData);
  });

  it('keeps a rate-limit window: the limit used up before the restart still refuses after it', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '2' };
    const first = await startBot(env, true);
    expect((await first.sendPrivateMessage(QUESTION))[0]?.text).not.toContain('提问太快了');
    expect((await first.sendPrivateMessage(QUESTION))[0]?.text).not.toContain('提问太快了');

    const second = await restart(first, env);
    const [refusal] = await second.sendPrivateMessage(QUESTION);
    expect(refusal?.text).toContain('提问太快了');
    // Another reader has a window of their own.
    expect((await second.sendPrivateMessage(QUESTION, { userId: 1002 }))[0]?.text).not.toContain('提问太快了');
  });
});
