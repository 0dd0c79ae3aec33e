// Articles stored before ingest removed unsafe characters (or written by another tool) may still hold control
// characters, bidi overrides and lone surrogates: none of them reaches a Telegram message, an inline result or an alert.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeArchive, makeArticle } from './fake-archive.js';
import { type BotHarness, startBotHarness } from './harness.js';

const UNSAFE = /(?![\n\t])\p{Cc}|[\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const ARTICLE = makeArticle({
  id: 'unsafe-text',
  title: '株洲\u202e新建\u0007爱心驿站',
  paragraphs: ['株洲今年将新建80家爱心驿站\u001b，\ud800方便户外劳动者歇脚。\u2066', '爱心驿站提供饮水\u0085、休息和充电服务。'],
});

describe('unsafe characters from stored articles', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ openArchive: (env) => createFakeArchive([ARTICLE], { env }) });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('never reach an answer, a cited passage, an inline result or an alert', async () => {
    const [answer] = await harness.sendPrivateMessage('株洲今年新建多少家爱心驿站？', { userId: 9501 });
    expect(answer!.text).toContain('80家');
    const passage = await harness.pressButton(answer!, /^src:/, { userId: 9501 });
    const inline = await harness.sendInlineQuery('株洲今年新建多少家爱心驿站？', { userId: 9502 });
    const sent = [answer!.text, ...passage.replies.map((reply) => reply.text), JSON.stringify(inline.results)];
    for (const text of sent) expect(text).not.toMatch(UNSAFE);
    expect(JSON.stringify(inline.results)).not.toMatch(/\\u(00[01][0-9a-f]|202[a-e]|206[6-9]|d[89ab][0-9a-f]{2})/i);
  });
});
