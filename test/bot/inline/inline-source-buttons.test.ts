// Inline answers carry the source buttons; pressed under the posted message, a button shows the cited passage.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type BotHarness, startBotHarness, USER_ID } from '../harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

test('the inline answer has source buttons, which answer with the passage from a posted message', async () => {
  const { results } = await harness.sendInlineQuery('今年要提质升级多少所中小学食堂？', { userId: 7001 });
  const answer = results.find((result) => result.id === 'answer');
  const keyboard = (answer!.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
  expect(keyboard.flat().map((button) => button.text)).toContain('[1] 原文');
  // The button of the citation that carries the fact opens exactly the passage quoted (the citation names its chunk).
  const text = String((answer!.input_message_content as { message_text?: string } | undefined)?.message_text);
  const cited = /54所[^[]*\[(\d+)\]/.exec(text)?.[1];
  expect(cited, text).toBeDefined();
  const data = keyboard.flat().find((button) => button.text === `[${cited}] 原文`)!.callback_data;
  expect(data).toMatch(new RegExp(`^src:\\d+:${cited}$`));

  const before = harness.apiCalls('answerCallbackQuery').length;
  await harness.sendUpdate({
    callback_query: {
      id: 'cb-inline-1',
      from: { id: USER_ID, is_bot: false, first_name: 'Reader', language_code: 'zh-hans' },
      inline_message_id: 'inline-1',
      chat_instance: '42',
      data,
    },
  });
  const [alert] = harness.apiCalls('answerCallbackQuery').slice(before);
  expect(alert?.payload.show_alert).toBe(true);
  expect(String(alert?.payload.text)).toContain('54所');
  expect([...String(alert?.payload.text)].length).toBeLessThanOrEqual(200);
});
