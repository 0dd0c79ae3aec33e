import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/ingest/article.js';
import { parseSourceFile } from '../../../src/ingest/parse-source-file.js';
import { endsSentence } from '../../../src/ingest/page/sentence-end.js';
import { MAX_SUB_HEADING_LINE } from '../../../src/ingest/page/sub-heading-shape.js';

// The sample page shipped in data/: a real front page with the layout artefacts the parser repairs.
const SAMPLE = path.resolve(import.meta.dirname, '../../../data/zhuzhou-daily-page.md');

const result = await parseSourceFile(SAMPLE, {});
const articles = result.articles;
const byTitle = (start: string): Article => {
  const article = articles.find((candidate) => candidate.title.startsWith(start));
  expect(article, start).toBeDefined();
  return article!;
};

describe('the sample newspaper page', () => {
  it('holds nine articles: every heading with a body, not the closing teaser heading', () => {
    expect(result.errors).toEqual([]);
    expect(articles).toHaveLength(9);
    expect(articles.map((article) => article.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(articles.some((article) => article.title.startsWith('从2600万'))).toBe(false);
  });

  it('has no duplicated paragraph and no paragraph contained in another', () => {
    for (const article of articles) {
      article.paragraphs.forEach((paragraph, index) => {
        article.paragraphs.forEach((other, otherIndex) => {
          if (index !== otherIndex) expect(other.includes(paragraph), `${article.title}: ${paragraph}`).toBe(false);
        });
      });
    }
  });

  it('has no paragraph ending mid-sentence except short sub-headings and an article’s cut-off last paragraph', () => {
    for (const article of articles) {
      article.paragraphs.forEach((paragraph, index) => {
        if (endsSentence(paragraph) || index === article.paragraphs.length - 1) return;
        const isSubHeading = paragraph.split(' ').every((line) => [...line].length < MAX_SUB_HEADING_LINE);
        expect(isSubHeading, `${article.title}: ${paragraph}`).toBe(true);
      });
    }
    expect(byTitle('湘江边').paragraphs.at(-1)).toMatch(/2024年，$/);
  });

  it('keeps bylines, furniture and photo credits out of the body', () => {
    const body = articles.flatMap((article) => article.paragraphs).join('\n');
    expect(body).not.toMatch(/记者\/|通讯员\/|www\.|热线/);
  });

  it('extracts authors from bylines', () => {
    expect(byTitle('株洲位列').authors).toEqual(['王娜']);
    expect(byTitle('全国总工会').authors).toEqual(['易楚瞳', '于展惠']);
    expect(byTitle('渌口博物馆').authors).toEqual(['邹伯敏', '傅博葵', '刘茜雅']);
    expect(byTitle('诚信纳税').authors).toEqual(['刘芳', '吴尧', '罗东旭', '王云桓']);
    expect(byTitle('习近平').authors).toEqual([]);
  });

  it('gives the museum article its photo caption', () => {
    expect(byTitle('渌口博物馆').photoCaption).toMatch(/摄$/);
  });

  it('reads the H3 under an H2 as subtitle and moves the kicker to the article it announces', () => {
    expect(byTitle('何恩广').subtitle).toMatch(/^紧盯/);
    const livelihood = byTitle('今年 我市');
    expect(livelihood.subtitle).toMatch(/……$/);
    expect(byTitle('渌口博物馆').paragraphs.at(-1)).toMatch(/节目。$/);
  });

  it('removes the repeated tail and the repeated fragment, keeping the new text joined', () => {
    const first = byTitle('习近平');
    expect(first.paragraphs).toHaveLength(3);
    const livelihood = byTitle('今年 我市');
    const mixed = livelihood.paragraphs.find((paragraph) => paragraph.startsWith('同时'));
    expect(mixed).toBeDefined();
    expect(mixed).not.toContain('在学有所教方面');
    expect(mixed).toContain('增设临时停车泊位');
  });

  it('keeps the in-article sub-headings as their own paragraphs', () => {
    const weight = byTitle('湘江边');
    expect(weight.paragraphs.filter((paragraph) => /^一(位|家|座)/.test(paragraph))).toHaveLength(3);
    expect(byTitle('诚信纳税').paragraphs).toContain('一张“入场券”背后的多重红利');
  });

  it('has no date: none in the file name and none given', () => {
    expect(articles.every((article) => article.date === null)).toBe(true);
    expect(articles.every((article) => article.source === SAMPLE)).toBe(true);
  });
});
