import { describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';

function cosine(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * right[index]!;
  return sum;
}

describe('HashEmbedder', () => {
  const embedder = new HashEmbedder();

  it('states its limits and id', () => {
    expect(embedder.dimensions).toBe(512);
    expect(embedder.id).toBe('hash-ngram-v1-512');
    expect(embedder.maxBatchSize).toBe(256);
    expect(embedder.maxInputChars).toBe(2000);
    expect(embedder.semantic).toBe(false);
    expect(new HashEmbedder({ dimensions: 256 }).id).toBe('hash-ngram-v1-256');
  });

  it('is deterministic and L2-normalized', async () => {
    const text = '株洲市今年一季度地区生产总值同比增长5.8%，GDP 增速居全省前列。';
    const [first] = await embedder.embed([text], 'passage');
    const [again] = await new HashEmbedder().embed([text], 'query');
    expect(first).toBeInstanceOf(Float32Array);
    expect(first).toHaveLength(512);
    expect(Array.from(again!)).toEqual(Array.from(first!));
    expect(Math.hypot(...first!)).toBeCloseTo(1, 5);
  });

  it('places similar texts closer than unrelated ones', async () => {
    const [passage, question, unrelated] = await embedder.embed(
      ['中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。', '中车株洲所正在向多大规模的企业迈进？', '今年春节假期，湘江风光带游客量创新高，夜游项目受到欢迎。'],
      'passage',
    );
    expect(cosine(passage!, question!)).toBeGreaterThan(cosine(passage!, unrelated!) + 0.2);
  });

  it('matches across full-width, case and traditional characters', async () => {
    const [simplified, traditional] = await embedder.embed(['经济发展 GDP', '經濟發展 ＧＤＰ'], 'passage');
    expect(cosine(simplified!, traditional!)).toBeCloseTo(1, 5);
  });

  it('handles empty and non-Chinese text', async () => {
    const [empty, english] = await embedder.embed(['', 'Railway equipment exports grew 12% in 2025'], 'passage');
    expect(Array.from(empty!).every((value) => value === 0)).toBe(true);
    expect(Math.hypot(...english!)).toBeCloseTo(1, 5);
  });

  it('refuses batches over its limit', async () => {
    await expect(embedder.embed(new Array<string>(257).fill('字'), 'passage')).rejects.toThrow(RangeError);
  });
});
