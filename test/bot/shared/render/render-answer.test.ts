import { describe, expect, test } from 'vitest';
import { renderAnswer } from '../../../../src/bot/shared/render/render-answer.js';
import { renderSourceLine, sourceName } from '../../../../src/bot/shared/render/source-link.js';
import { renderArticle } from '../../../../src/bot/sources/render-article.js';
import { MESSAGES_ZH } from '../../../../src/bot/shared/i18n/messages-zh.js';
import { MESSAGES_EN } from '../../../../src/bot/shared/i18n/messages-en.js';
import type { AnswerResult } from '../../../../src/answer/answer-result.js';
import { htmlProblems } from '../../support/html-validity.js';

const result: AnswerResult = {
  answered: true,
  answer: '市场监管局提醒：<script>alert(1)</script> 与 <b>粗体</b> & 符号都按原文显示 [1]。',
  citations: [
    {
      n: 1,
      articleId: 'a1',
      chunkId: 1,
      title: '标题 <i>斜体</i> & 更多',
      date: '2026-04-23',
      url: 'https://news.example.com/a?x=1&y=2',
      source: 'https://news.example.com/feed',
      quote: '…',
    },
    { n: 2, articleId: 'a2', chunkId: 2, title: '没有链接的文章', date: null, url: null, source: 'data/pages/zhuzhou-daily-page.md', quote: '…' },
  ],
  mode: 'extractive',
};

describe('renderAnswer', () => {
  test('escapes answer and titles, links titles with urls, names the source otherwise', () => {
    const html = renderAnswer(result, MESSAGES_ZH);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 与 &lt;b&gt;粗体&lt;/b&gt; &amp; 符号');
    expect(html).toContain('[1] <a href="https://news.example.com/a?x=1&amp;y=2">标题 &lt;i&gt;斜体&lt;/i&gt; &amp; 更多</a> · 2026-04-23');
    expect(html).toContain('[2] 没有链接的文章（zhuzhou-daily-page.md） · 日期不详');
    expect(html).toContain('<b>来源</b>');
    expect(htmlProblems(html)).toEqual([]);
  });

  test('uses the English texts', () => {
    const html = renderAnswer(result, MESSAGES_EN);
    expect(html).toContain('<b>Sources</b>');
    expect(html).toContain('· undated');
  });

  test('shortens only the answer text when asked', () => {
    const long = { ...result, answer: '长'.repeat(5000) };
    const html = renderAnswer(long, MESSAGES_ZH, 100);
    expect(html.length).toBeLessThan(400);
    expect(html).toContain('<b>来源</b>');
  });
});

describe('source lines', () => {
  test('never turns a non-web url into a link', () => {
    const line = renderSourceLine({ title: 'x', date: null, url: 'javascript:alert(1)', source: 'feed.xml#3' }, '?');
    expect(line).not.toContain('<a');
    expect(line).toContain('feed.xml');
  });

  test('names sources by host or file name', () => {
    expect(sourceName('https://www.zznews.gov.cn/rss.xml')).toBe('www.zznews.gov.cn');
    expect(sourceName('exports/articles.jsonl#12')).toBe('articles.jsonl');
  });
});

test('renderArticle escapes every field', () => {
  const html = renderArticle(
    {
      id: 'x',
      title: 'A & B <c>',
      subtitle: '<sub>',
      paragraphs: ['<script>x</script>', '', 'P & Q'],
      date: '2026-04-23',
      url: null,
      authors: ['王娜'],
      section: null,
      source: 's.md',
      photoCaption: null,
      position: 0,
      contentHash: 'h',
      ingestedAt: 'now',
    },
    MESSAGES_ZH,
  );
  expect(html).toBe('<b>A &amp; B &lt;c&gt;</b>\n<i>&lt;sub&gt;</i>\nA &amp; B &lt;c&gt;（s.md） · 2026-04-23\n王娜\n\n&lt;script&gt;x&lt;/script&gt;\n\nP &amp; Q');
});
