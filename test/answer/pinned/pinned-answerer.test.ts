import { describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../../src/embedding/hash-embedder.js';
import { PinMatcher } from '../../../src/answer/pinned/pin-matcher.js';
import { PinnedAnswerer } from '../../../src/answer/pinned/pinned-answerer.js';
import type { Answerer, AnswerResult } from '../../../src/answer/answer-result.js';
import type { StoredChunk } from '../../../src/store/article-store.js';
import type { Pin } from '../../../src/store/pin-store.js';

const ARCHIVE_ANSWER: AnswerResult = { answered: false, answer: '没有找到', citations: [], mode: 'extractive' };
const CHUNK = {
  id: 7,
  articleId: 'gym',
  index: 0,
  text: '城南体育馆今天起闭馆改造。',
  title: '城南体育馆启动改造',
  subtitle: null,
  date: '2026-09-01',
  url: null,
  source: 'test/gym',
} as unknown as StoredChunk;

function answerer(pins: Pin[], chunks: Record<string, StoredChunk> = { gym: CHUNK }): { answerer: PinnedAnswerer; asked: string[] } {
  const asked: string[] = [];
  const inner: Answerer = {
    answer: async (question) => {
      asked.push(question);
      return ARCHIVE_ANSWER;
    },
  };
  const matcher = new PinMatcher({ pins: async () => pins, embedder: new HashEmbedder(), articleExists: (articleId) => articleId in chunks });
  return { answerer: new PinnedAnswerer({ inner, matcher, firstChunkOf: (articleId) => chunks[articleId] }), asked };
}

const GYM_PIN: Pin = { id: 1, question: '城南体育馆什么时候开放？', answer: '10月1日重新开放。', articleId: 'gym', createdAt: new Date(0) };

describe('PinnedAnswerer', () => {
  it("answers with the pin, marked as the editors' and citing the first chunk of its article", async () => {
    const { answerer: pinned, asked } = answerer([GYM_PIN]);
    const result = await pinned.answer('城南体育馆哪天开门？');
    expect(result).toMatchObject({ answered: true, mode: 'pinned', answer: '编辑部答复：10月1日重新开放。[1]' });
    expect(result.citations).toEqual([expect.objectContaining({ n: 1, articleId: 'gym', chunkId: 7, title: '城南体育馆启动改造', quote: CHUNK.text })]);
    expect(asked).toEqual([]);
    expect((await pinned.answer('城南体育馆哪天开门？', { language: 'en' })).answer).toBe("Editors' answer: 10月1日重新开放。[1]");
  });

  it('leaves other questions, questions about one story, and pins whose article is gone to the archive', async () => {
    const { answerer: pinned, asked } = answerer([GYM_PIN]);
    expect(await pinned.answer('地铁票价是多少？')).toBe(ARCHIVE_ANSWER);
    expect(await pinned.answer('城南体育馆哪天开门？', { articleIds: ['other'] })).toBe(ARCHIVE_ANSWER);
    const { answerer: orphaned } = answerer([GYM_PIN], {});
    expect(await orphaned.answer('城南体育馆什么时候开放？')).toBe(ARCHIVE_ANSWER);
    expect(asked).toEqual(['地铁票价是多少？', '城南体育馆哪天开门？']);
  });
});
