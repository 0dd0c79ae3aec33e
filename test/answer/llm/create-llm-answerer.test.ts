import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnswerer } from '../../../src/answer/llm/create-llm-answerer.js';
import { completion, startChatCompletionsTestServer, streamedCompletion, type ChatCompletionsTestServer } from './chat-completions-test-server.js';
import { capturingLogger, EXTRACTIVE_RESULT, fakeFallback, fakeRetriever } from './fixtures.js';

const API_KEY = 'sk-test-0123456789abcdef-SECRET';
const QUESTION = '滨江区今年有几所新小学？地铁5号线南延段有多长？';
const GOOD_SCHOOLS = '滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[3]。';
const GOOD_METRO = '地铁5号线南延段全长8.6公里，设车站6座[1]。';

let server: ChatCompletionsTestServer;

beforeEach(async () => {
  server = await startChatCompletionsTestServer();
});

afterEach(async () => {
  await server.close();
});

function setUp(overrides: { timeoutMs?: number; apiKey?: string | null } = {}) {
  const fallback = fakeFallback();
  const retriever = fakeRetriever();
  const { logger, lines } = capturingLogger();
  const answerer = createLlmAnswerer({
    llm: { baseUrl: server.baseUrl, apiKey: overrides.apiKey === undefined ? API_KEY : overrides.apiKey, model: 'test-model', timeoutMs: overrides.timeoutMs ?? 5_000 },
    retriever,
    fallback,
    logger,
  });
  return { answerer, fallback, retriever, lines };
}

describe('createLlmAnswerer against a loopback chat-completions server', () => {
  it('shows a verified answer with citations renumbered to the sources used', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply(completion(`${GOOD_SCHOOLS}${GOOD_METRO}`));

    const result = await answerer.answer(QUESTION);

    expect(result.mode).toBe('llm');
    expect(result.answered).toBe(true);
    expect(result.answer).toBe('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。地铁5号线南延段全长8.6公里，设车站6座[2]。');
    expect(result.citations.map((citation) => [citation.n, citation.articleId])).toEqual([
      [1, 'binjiang-schools'],
      [2, 'metro-5-south'],
    ]);
    expect(result.citations[0]).toMatchObject({ title: '滨江区新建三所小学', date: '2024-05-12', url: 'https://news.example.cn/binjiang-schools' });
    expect(result.citations[0]?.quote).toContain('新增学位4500个');
    expect(fallback.questions).toEqual([]);
    expect(lines.join('')).not.toContain(API_KEY);

    const [request] = server.requests;
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({ model: 'test-model', temperature: 0.1, stream: false });
    expect(request?.body.max_tokens).toBeGreaterThan(0);
    const prompt = request?.body.messages?.map((message) => message.content).join('\n') ?? '';
    expect(prompt).toContain('[1] 地铁5号线南延段开通 (2024-06-28)');
    expect(prompt).toContain('[3] 滨江区新建三所小学 (2024-05-12)');
    expect(prompt).toContain('新增学位4500个');
    expect(prompt).toContain(QUESTION);
    expect(prompt).toContain('Chinese');
  });

  it('sends no Authorization header when no API key is set', async () => {
    const { answerer } = setUp({ apiKey: null });
    server.reply(completion(GOOD_SCHOOLS));
    await answerer.answer(QUESTION);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('drops a sentence citing a passage that was not given', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply(completion(`${GOOD_SCHOOLS}${GOOD_METRO}该线路耗资50亿元[7]。`));

    const result = await answerer.answer(QUESTION);

    expect(result.mode).toBe('llm');
    expect(result.answer).not.toContain('50亿元');
    expect(result.answer).not.toContain('[7]');
    expect(result.answer).toBe('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。地铁5号线南延段全长8.6公里，设车站6座[2]。');
    expect(result.citations).toHaveLength(2);
    expect(fallback.questions).toEqual([]);
    expect(lines.join('')).toContain('unknown_passage');
  });

  it('drops a sentence with a number absent from the passage it cites', async () => {
    const { answerer, lines } = setUp();
    // 15万人次 is wrong (the passage says 12万人次); 4500个 is right but not in the metro passage it cites.
    server.reply(completion(`${GOOD_SCHOOLS}${GOOD_METRO}开通首日客流达到15万人次[1]。新增学位4500个[1]。`));

    const result = await answerer.answer(QUESTION);

    expect(result.mode).toBe('llm');
    expect(result.answer).not.toContain('15万');
    expect(result.answer.match(/4500/g)).toHaveLength(1);
    expect(result.citations.map((citation) => citation.articleId)).toEqual(['binjiang-schools', 'metro-5-south']);
    expect(lines.join('')).toContain('quantity_not_in_source');
  });

  it('falls back to the extractive answer when every sentence is dropped', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply(completion('滨江区今年将新建5所小学[3]。这是全市最大的教育投资。'));

    const result = await answerer.answer(QUESTION);

    expect(result).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toEqual([QUESTION]);
    expect(lines.join('')).toContain('answering extractively');
  });

  it('falls back when the answer loses its substance in verification', async () => {
    const { answerer, fallback } = setUp();
    server.reply(completion(`新增学位4500个[3]。开通首日客流达到15万人次，创下全市地铁开通首日客流的最高纪录，总投资达到200亿元[1]。`));
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toHaveLength(1);
  });

  it('falls back on empty content', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply(completion('   '));
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toEqual([QUESTION]);
    expect(lines.join('')).toContain('"kind":"empty"');
  });

  it('falls back on null content and on a malformed body', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply(completion(null), { body: '<html>bad gateway</html>' }, { body: { object: 'list' } });
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toHaveLength(3);
    expect(lines.join('')).toContain('"kind":"malformed"');
  });

  it('falls back on a 500 without retrying it', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply({ status: 500, body: { error: { message: 'model crashed' } } }, completion(GOOD_SCHOOLS));
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toEqual([QUESTION]);
    expect(server.requests).toHaveLength(1);
    const log = lines.join('');
    expect(log).toContain('"status":500');
    expect(log).toContain('model crashed');
  });

  it('falls back when the server does not answer within the timeout', async () => {
    const { answerer, fallback, lines } = setUp({ timeoutMs: 200 });
    server.reply({ ...completion(GOOD_SCHOOLS), delayMs: 2_000 });
    const started = Date.now();
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fallback.questions).toEqual([QUESTION]);
    expect(lines.join('')).toContain('"kind":"timeout"');
  });

  it('falls back when the server cannot be reached', async () => {
    const { answerer, fallback, lines } = setUp();
    await server.close();
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toEqual([QUESTION]);
    expect(lines.join('')).toContain('"kind":"network"');
    server = await startChatCompletionsTestServer();
  });

  it('waits for Retry-After after a 429, then shows the answer', async () => {
    const { answerer, fallback } = setUp();
    server.reply({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } }, completion(GOOD_SCHOOLS));
    const started = Date.now();
    const result = await answerer.answer(QUESTION);
    expect(result.mode).toBe('llm');
    expect(result.answer).toBe('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
    expect(fallback.questions).toEqual([]);
  });

  it('gives up on a 429 asking to wait longer than the bound', async () => {
    const { answerer, fallback, lines } = setUp();
    server.reply({ status: 429, headers: { 'retry-after': '3600' } }, completion(GOOD_SCHOOLS));
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(server.requests).toHaveLength(1);
    expect(fallback.questions).toHaveLength(1);
    expect(lines.join('')).toContain('"kind":"rate_limit"');
  });

  it('never logs the API key, even when the server echoes it', async () => {
    const { answerer, lines } = setUp();
    server.reply(
      { status: 401, body: { error: `invalid api key ${API_KEY}` } },
      { status: 200, body: `not json ${API_KEY}` },
      completion(`新增学位9999个[3]。Bearer ${API_KEY}[3]。`),
    );
    for (let attempt = 0; attempt < 3; attempt += 1) await answerer.answer(QUESTION);
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(log).toContain('"status":401');
    expect(log).not.toContain(API_KEY);
    expect(log).not.toContain('0123456789abcdef');
  });

  it('abstains when the model says the passages do not answer', async () => {
    const { answerer, fallback } = setUp();
    server.reply(completion('NOT_FOUND'));
    const result = await answerer.answer('明年地铁票价会涨吗？');
    expect(result).toMatchObject({ answered: false, citations: [], mode: 'llm' });
    expect(result.answer).toContain('没有找到');
    expect(fallback.questions).toEqual([]);
  });

  it('uses the fallback without calling the model when nothing is retrieved', async () => {
    const fallback = fakeFallback();
    const { logger } = capturingLogger();
    const answerer = createLlmAnswerer({
      llm: { baseUrl: server.baseUrl, apiKey: null, model: 'test-model', timeoutMs: 1_000 },
      retriever: fakeRetriever([]),
      fallback,
      logger,
    });
    expect(await answerer.answer(QUESTION)).toEqual(EXTRACTIVE_RESULT);
    expect(server.requests).toHaveLength(0);
  });

  it('streams the verified sentences as they complete, then returns the final answer', async () => {
    const { answerer, fallback } = setUp();
    server.reply(streamedCompletion(['滨江区今年秋季将有3所', '新建小学投入使用，新增学位4500个[3]', '。地铁5号线', '南延段全长8.6公里，设车站6座[1]。', '该线路耗资50亿元[7]。']));
    const partials: string[] = [];

    const result = await answerer.answerStreaming(QUESTION, (text) => partials.push(text));

    expect(server.requests[0]?.body.stream).toBe(true);
    expect(result.mode).toBe('llm');
    expect(result.answer).toBe('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。地铁5号线南延段全长8.6公里，设车站6座[2]。');
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((partial) => result.answer.startsWith(partial))).toBe(true);
    expect(partials.some((partial) => partial.includes('[7]') || partial.includes('50亿'))).toBe(false);
    expect(fallback.questions).toEqual([]);
  });

  it('streams from a server that ignores stream: true and answers with one JSON body', async () => {
    const { answerer } = setUp();
    server.reply(completion(GOOD_SCHOOLS));
    const result = await answerer.answerStreaming(QUESTION, () => undefined);
    expect(result.answer).toBe('滨江区今年秋季将有3所新建小学投入使用，新增学位4500个[1]。');
  });

  it('falls back when a stream ends without content', async () => {
    const { answerer, fallback } = setUp();
    server.reply(streamedCompletion([]));
    expect(await answerer.answerStreaming(QUESTION, () => undefined)).toEqual(EXTRACTIVE_RESULT);
    expect(fallback.questions).toHaveLength(1);
  });
});
