import { describe, expect, it } from 'vitest';
import { chunkArticle, chunkHeading } from '../../src/chunking/chunk-article.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import type { Article } from '../../src/ingest/article.js';

function article(paragraphs: string[], title = '测试标题', subtitle: string | null = null): Article {
  return { id: 'a1', title, subtitle, paragraphs, date: null, url: null, authors: [], section: null, source: 'test', photoCaption: null, position: 0 };
}

/** Deterministic pseudo-random generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = ['株洲', '发展', '企业', '市民', '今年', '项目', '建设', '服务', '推进', '工作', '12', '3.5', '万元', 'AI'];
const ENDS = ['。', '！', '？', '；', '……', '。”', '，'];

function randomParagraph(next: () => number): string {
  let text = '';
  const sentences = 1 + Math.floor(next() * 8);
  for (let sentence = 0; sentence < sentences; sentence += 1) {
    const words = 1 + Math.floor(next() * 60);
    for (let word = 0; word < words; word += 1) text += PIECES[Math.floor(next() * PIECES.length)];
    text += ENDS[Math.floor(next() * ENDS.length)];
  }
  return text;
}

describe('splitSentences', () => {
  it('splits at Chinese sentence ends and keeps the punctuation and closing quotes', () => {
    expect(splitSentences('他说：“今天开会。”大家都来了！真的吗？是的；好……结束')).toEqual(['他说：“今天开会。”', '大家都来了！', '真的吗？', '是的；', '好……', '结束']);
  });

  it('keeps decimals whole and splits English at a period before a space', () => {
    expect(splitSentences('BMI降至27.4，很好。It works. Yes')).toEqual(['BMI降至27.4，很好。', 'It works.', 'Yes']);
  });
});

describe('chunkArticle', () => {
  it('carries the title and subtitle with every chunk', () => {
    const chunks = chunkArticle(article(['第一句。'.repeat(200)], '标题', '副题'), { maxChars: 120 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.heading).toBe('标题 副题');
    expect(chunkHeading({ title: 'A', subtitle: null })).toBe('A');
  });

  it('never exceeds the budget (heading included) and drops nothing, on random articles', () => {
    const next = random(42);
    for (let round = 0; round < 200; round += 1) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 6) }, () => randomParagraph(next));
      const maxChars = 60 + Math.floor(next() * 400);
      const chunks = chunkArticle(article(paragraphs), { maxChars, overlapChars: Math.floor(next() * 100) });
      for (const chunk of chunks) expect(chunk.heading.length + 1 + chunk.text.length).toBeLessThanOrEqual(maxChars);
      // Every sentence piece appears in some chunk, in order: nothing dropped.
      const all = chunks.map((chunk) => chunk.text.replace(/\n/g, '')).join('');
      const body = paragraphs.join('');
      let cursor = 0;
      for (const character of body) {
        const found = all.indexOf(character, cursor);
        expect(found).toBeGreaterThanOrEqual(0);
        cursor = found + 1;
      }
      expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
    }
  });

  it('covers the whole text: the chunks without their overlap concatenate to the body', () => {
    const paragraphs = ['一二三四五。六七八九十。', '甲乙丙丁。戊己庚辛。壬癸。'];
    const chunks = chunkArticle(article(paragraphs, 'T'), { maxChars: 14, overlapChars: 6 });
    const text = chunks.map((chunk) => chunk.text).join('\n');
    for (const sentence of ['一二三四五。', '六七八九十。', '甲乙丙丁。', '戊己庚辛。', '壬癸。']) expect(text).toContain(sentence);
  });

  it('overlaps consecutive chunks by a trailing sentence', () => {
    const chunks = chunkArticle(article(['甲甲甲甲。乙乙乙乙。丙丙丙丙。丁丁丁丁。']), { maxChars: 20, overlapChars: 6 });
    expect(chunks.length).toBeGreaterThan(1);
    const lastOfFirst = splitSentences(chunks[0]!.text).at(-1)!;
    expect(chunks[1]!.text.startsWith(lastOfFirst)).toBe(true);
  });

  it('cuts a sentence longer than the budget at clause marks', () => {
    const long = `${'很长的从句，'.repeat(40)}结束。`;
    const chunks = chunkArticle(article([long], 'T'), { maxChars: 50, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(long);
  });
});
