// Follow-ups through the real bot and the Bot API emulator: the sample page archive, a reader asking a short
// question that leans on the previous one, in a private chat and by replying to the bot in a group.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/telegram/html-tokens.js';
import { BOT_USERNAME, startBotHarness, type BotHarness } from '../harness.js';

describe('follow-up questions', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  test('in a private chat, "那…呢？" is resolved against the previous question and answered from its article', async () => {
    const [first] = await harness.sendPrivateMessage('株洲国家专精特新小巨人企业累计多少家？', { userId: 7101 });
    expect(htmlToText(first!.text)).toContain('96家');
    const [followUp] = await harness.sendPrivateMessage('那省级的呢？', { userId: 7101 });
    const text = htmlToText(followUp!.text);
    expect(text).toContain('省级');
    expect(text).toContain('602家');
    expect(text).toContain('小巨人');
  });

  test("another reader's short question is not bent toward someone else's", async () => {
    const [reply] = await harness.sendPrivateMessage('那省级的呢？', { userId: 7102 });
    // A rewritten question is shown as "↪ …"; this reader asked nothing before, so there is nothing to rewrite with.
    expect(htmlToText(reply!.text)).not.toContain('↪');
  });

  test("in a group, a reply to the bot's answer is resolved as a follow-up", async () => {
    const [answer] = await harness.sendGroupMessage(`@${BOT_USERNAME} 澳维膜的常务副总经理是谁？`, { userId: 7103 });
    expect(htmlToText(answer!.text)).toContain('黄海');
    const [followUp] = await harness.sendGroupMessage('他说A级信用是什么？', { userId: 7103, replyTo: answer });
    const text = htmlToText(followUp!.text);
    // Resolved with the previous answer's subject, then answered from its story.
    expect(text).toMatch(/↪ (黄海|澳维膜)/);
    expect(text).toMatch(/入场券|A级/);
    expect(followUp!.replyToMessageId).toBeDefined();
  });
});
