import { describe, expect, it } from 'vitest';
import { renderPassages } from '../../../../src/bot/shared/render/render-passages.js';
import { messagesFor } from '../../../../src/bot/shared/i18n/language.js';
import type { Passage } from '../../../../src/retrieval/passage.js';

const PASSAGE: Passage = {
  id: 1,
  articleId: 'a1',
  ordinal: 0,
  heading: '湘江风光带',
  text: '今年春节假期，湘江风光带游客量创新高。',
  title: '湘江风光带',
  subtitle: null,
  date: '2026-02-01',
  url: null,
  source: 'test',
  score: 0.032787,
  keywordRank: 1,
  vectorRank: null,
  similarity: null,
  bm25: 7.5,
};

describe('renderPassages', () => {
  const messages = messagesFor('zh');

  it('shows staff the fused score, and the reranker’s when it ordered the passages', () => {
    expect(renderPassages('结果', [PASSAGE], messages, { showScores: true })).toContain('· 0.0328\n');
    expect(renderPassages('结果', [{ ...PASSAGE, rerankScore: null }], messages, { showScores: true })).not.toContain('rerank');
    expect(renderPassages('结果', [{ ...PASSAGE, rerankScore: 4.56789 }], messages, { showScores: true })).toContain('· 0.0328 · rerank 4.57\n');
  });

  it('shows readers no scores', () => {
    expect(renderPassages('结果', [{ ...PASSAGE, rerankScore: 4.56789 }], messages)).not.toMatch(/0\.0328|rerank/);
  });
});
