// LLM answers streamed as drafts (Bot API 9.3's sendMessageDraft) in a private chat: the verified partials as one
// draft, then the answer as one final message; on an API without drafts (the emulator before 9.3), the message is
// edited in place as before, and drafts are not tried again.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLlmAnswerer } from '../../../src/answer/llm/create-llm-answerer.js';
import { startChatCompletionsTestServer, streamedCompletion, type ChatCompletionsTestServer } from '../../answer/llm/chat-completions-test-server.js';
import { fakeRetriever, PASSAGES } from '../../answer/llm/fixtures.js';
import { createFakeArchive, makeArticle } from '../fake-archive.js';
import { type BotHarness, startBotHarness } from '../harness.js';

const QUESTION = '滨江区今年有几所新小学？地铁5号线南延段有多长？';
const ARTICLES = PASSAGES.map((passage) => makeArticle({ id: passage.articleId, title: passage.title, paragraphs: [passage.text], url: passage.url }));
const HOSTILE = '该线路耗资50亿元';
const SENTENCES = ['滨江区今年秋季将有3所新建小学', '投入使用，新增学位4500个[3]。', `${HOSTILE}[1]。`, '地铁5号线南延段全长8.6公里[1]。', '设车站6座[1]。'];

async function startLlmHarness(llm: ChatCompletionsTestServer): Promise<BotHarness> {
  return startBotHarness({
    env: { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: '10000', RATE_LIMIT_PER_MINUTE: '1000' },
    openArchive: (env) => {
      const base = createFakeArchive(ARTICLES, { env });
      const answerer = createLlmAnswerer({ llm: base.config.llm!, retriever: fakeRetriever(), fallback: base.answerer, logger: base.logger });
      return { ...base, answerer };
    },
  });
}

describe('streamed answers as drafts', () => {
  let llm: ChatCompletionsTestServer;
  let harness: BotHarness;

  beforeAll(async () => {
    llm = await startChatCompletionsTestServer();
    harness = await startLlmHarness(llm);
    harness.api.enableDrafts();
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await llm?.close();
  });

  test('a private answer streams as one draft and ends as one final message with its sources and buttons; nothing is edited', async () => {
    llm.reply({ ...streamedCompletion(SENTENCES), eventDelayMs: 700 });
    const userId = 6101;
    const replies = await harness.sendPrivateMessage(QUESTION, { userId });
    expect(replies).toHaveLength(1);
    const [message] = replies;
    const drafts = harness.api.drafts.filter((draft) => draft.chatId === userId);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(drafts.map((draft) => draft.draftId)).size).toBe(1);
    expect(drafts[0]!.text).toBe('正在查找…');
    expect(drafts.every((draft) => draft.parseMode === 'HTML')).toBe(true);
    expect(drafts.some((draft) => draft.text.includes('滨江区今年秋季将有3所新建小学投入使用') && draft.text.endsWith('…'))).toBe(true);
    for (const draft of drafts) expect(draft.text).not.toContain('50亿');
    expect(harness.apiCalls('editMessageText')).toEqual([]);

    expect(message!.text).toContain('地铁5号线南延段全长8.6公里');
    expect(message!.text).toContain('<b>来源</b>');
    expect(message!.text).not.toContain('50亿');
    expect(message!.buttons.flat().map((button) => button.text)).toContain('👍');
  }, 30_000);

  test('in a group the message is edited in place: drafts are for private chats', async () => {
    llm.reply(streamedCompletion(SENTENCES.slice(3)));
    const draftsBefore = harness.api.drafts.length;
    const replies = await harness.sendGroupMessage(`@TestNameBot ${QUESTION}`, { userId: 6102 });
    expect(replies).toHaveLength(1);
    expect(harness.api.drafts.length).toBe(draftsBefore);
    expect(harness.apiCalls('editMessageText').length).toBeGreaterThan(0);
  }, 30_000);
});

describe('streamed answers on an API without drafts', () => {
  let llm: ChatCompletionsTestServer;
  let harness: BotHarness;

  beforeAll(async () => {
    llm = await startChatCompletionsTestServer();
    harness = await startLlmHarness(llm);
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await llm?.close();
  });

  test('falls back to editing one message, and does not try drafts again', async () => {
    for (const userId of [6201, 6202]) {
      llm.reply(streamedCompletion(SENTENCES.slice(3)));
      const replies = await harness.sendPrivateMessage(QUESTION, { userId });
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain('地铁5号线南延段全长8.6公里');
      expect(replies[0]!.text).not.toContain('正在查找');
      const edits = harness.apiCalls('editMessageText').filter((call) => Number(call.payload.chat_id) === userId);
      expect(edits.length).toBeGreaterThan(0);
    }
    const draftCalls = harness.apiCalls('sendMessageDraft');
    expect(draftCalls).toHaveLength(1);
    expect(draftCalls[0]!.status).toBe(404);
    expect(harness.api.drafts).toEqual([]);
  }, 30_000);
});
