// LLM answers streamed into one Telegram message: a placeholder at once, edits as verified sentences arrive
// (about one a second), the final answer with sources and buttons; a hostile sentence is never shown.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createLlmAnswerer } from '../../../src/answer/llm/create-llm-answerer.js';
import { completion, startChatCompletionsTestServer, streamedCompletion, type ChatCompletionsTestServer } from '../../answer/llm/chat-completions-test-server.js';
import { fakeRetriever, PASSAGES } from '../../answer/llm/fixtures.js';
import { createFakeArchive, makeArticle } from '../fake-archive.js';
import { type BotHarness, startBotHarness } from '../harness.js';

const QUESTION = '滨江区今年有几所新小学？地铁5号线南延段有多长？';
const ARTICLES = PASSAGES.map((passage) => makeArticle({ id: passage.articleId, title: passage.title, paragraphs: [passage.text], url: passage.url }));
const HOSTILE = '该线路耗资50亿元';

describe('streamed LLM answers', () => {
  let llm: ChatCompletionsTestServer;
  let harness: BotHarness;
  let userId = 6000;

  beforeAll(async () => {
    llm = await startChatCompletionsTestServer();
    harness = await startBotHarness({
      env: { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: '10000' },
      openArchive: (env) => {
        const base = createFakeArchive(ARTICLES, { env });
        const answerer = createLlmAnswerer({ llm: base.config.llm!, retriever: fakeRetriever(), fallback: base.answerer, logger: base.logger });
        return { ...base, answerer };
      },
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await llm?.close();
  });

  beforeEach(() => {
    userId += 1;
  });

  afterEach(() => {
    expect(llm.requests.every((request) => request.body.stream === true)).toBe(true);
  });

  /** Every text the chat ever showed for one message: as sent, then after each edit. */
  function shownTexts(chatId: number, messageId: number): string[] {
    const sent = harness
      .apiCalls('sendMessage')
      .filter((call) => Number(call.payload.chat_id) === chatId)
      .map((call) => String(call.payload.text));
    const edits = harness
      .apiCalls('editMessageText')
      .filter((call) => Number(call.payload.chat_id) === chatId && Number(call.payload.message_id) === messageId)
      .map((call) => String(call.payload.text));
    return [...sent, ...edits];
  }

  test('one message, edited several times, ends with the verified answer, its sources and buttons; the unsupported sentence never shows', async () => {
    llm.reply({
      ...streamedCompletion(['滨江区今年秋季将有3所新建小学', '投入使用，新增学位4500个[3]。', `${HOSTILE}[1]。`, '地铁5号线南延段全长8.6公里[1]。', '设车站6座[1]。']),
      eventDelayMs: 700,
    });
    const editsBefore = harness.apiCalls('editMessageText').length;
    const replies = await harness.sendPrivateMessage(QUESTION, { userId });

    expect(replies).toHaveLength(1);
    const [message] = replies;
    const edits = harness.apiCalls('editMessageText').slice(editsBefore);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    expect(edits.every((call) => Number(call.payload.message_id) === message!.messageId)).toBe(true);
    // About one edit a second at most.
    for (let index = 1; index < edits.length - 1; index += 1) expect(edits[index]!.at - edits[index - 1]!.at).toBeGreaterThanOrEqual(900);

    const shown = shownTexts(userId, message!.messageId);
    expect(shown[0]).toBe('正在查找…');
    expect(shown.some((text) => text.includes('滨江区今年秋季将有3所新建小学投入使用') && text.endsWith('…'))).toBe(true);
    for (const text of shown) expect(text).not.toContain('50亿');

    expect(message!.text).toContain('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。地铁5号线南延段全长8.6公里[2]。设车站6座[2]。');
    expect(message!.text).toContain('<b>来源</b>');
    expect(message!.text).not.toContain('50亿');
    expect(message!.buttons.flat().map((button) => button.text)).toEqual(['[1] 原文', '[2] 原文', '更多结果', '关注此话题', '👍', '👎']);
  }, 30_000);

  test('a failing model falls back to the extractive answer in the same message', async () => {
    llm.reply({ status: 500, body: { error: 'model crashed' } });
    const replies = await harness.sendPrivateMessage(QUESTION, { userId });
    expect(replies).toHaveLength(1);
    const [message] = replies;
    expect(shownTexts(userId, message!.messageId)[0]).toBe('正在查找…');
    expect(message!.text).not.toContain('正在查找');
    expect(message!.text).toContain('<b>来源</b>');
    expect(message!.buttons.flat().map((button) => button.text)).toContain('👍');
  }, 30_000);

  test('a model that says the passages do not answer leaves the no-answer text in the message', async () => {
    llm.reply(completion('NOT_FOUND'));
    const [message] = await harness.sendPrivateMessage('火星上有咖啡馆吗？', { userId });
    expect(message!.text).not.toContain('正在查找');
  }, 30_000);
});
