import { describe, expect, it } from 'vitest';
import { renderDigestMessages } from '../../src/digest/render-digest-messages.js';
import { buildDigest as buildDigestContent, type BuildDigestOptions } from '../../src/digest/build-digest.js';
import type { ArticleStore } from '../../src/store/article-store.js';
import { fakeArticleStore, storedArticle } from './helpers/fake-article-store.js';
import { telegramHtmlProblems, visibleText } from './helpers/check-telegram-html.js';

const body = (text: string) => [text];

/** The digest's content and its Telegram HTML messages, as the scheduler sends them. */
function buildDigest(store: ArticleStore, date: string, options: BuildDigestOptions & { maxMessageChars?: number } = {}) {
  const content = buildDigestContent(store, date, options);
  const { date: day, articles, text } = content;
  return { date: day, articles, text, messages: renderDigestMessages(content, { maxMessageChars: options.maxMessageChars }) };
}

describe('buildDigest', () => {
  it('sends nothing for a day without articles', () => {
    const digest = buildDigest(fakeArticleStore([storedArticle({ id: 'a', title: 'A', date: '2026-04-22' })]), '2026-04-23');
    expect(digest).toEqual({ date: '2026-04-23', articles: [], text: '', messages: [] });
  });

  it('lists the day’s articles in page order under a dated heading, with summaries and links', () => {
    const store = fakeArticleStore([
      storedArticle({ id: 'b', title: '第二条', position: 1, paragraphs: body('第二条的导语。') }),
      storedArticle({ id: 'a', title: '头条', position: 0, url: 'https://example.com/a?x=1&y=2', paragraphs: body('头条的导语。') }),
      storedArticle({ id: 'c', title: '另一天', date: '2026-04-24', position: 2 }),
    ]);
    const digest = buildDigest(store, '2026-04-23');
    expect(digest.articles.map((article) => article.articleId)).toEqual(['a', 'b']);
    expect(digest.articles[0]).toMatchObject({ title: '头条', summary: '头条的导语。', url: 'https://example.com/a?x=1&y=2' });
    expect(digest.text).toBe('2026年4月23日 星期四 · 今日要闻\n\n1. 头条\n头条的导语。\nhttps://example.com/a?x=1&y=2\n\n2. 第二条\n第二条的导语。');
    expect(digest.messages).toEqual([
      '<b>2026年4月23日 星期四 · 今日要闻</b>\n\n' + '<b>1. <a href="https://example.com/a?x=1&amp;y=2">头条</a></b>\n头条的导语。\n\n' + '<b>2. 第二条</b>\n第二条的导语。',
    ]);
  });

  it('writes an English heading on request', () => {
    const digest = buildDigest(fakeArticleStore([storedArticle({ id: 'a', title: 'A' })]), '2026-04-23', { language: 'en' });
    expect(digest.text.split('\n')[0]).toBe("Thursday, 23 April 2026 · Today's news");
  });

  it('escapes titles and summaries and links only http(s) URLs', () => {
    const store = fakeArticleStore([
      storedArticle({ id: 'a', title: 'R&D <2026> "plan"', url: 'javascript:alert(1)', paragraphs: body('Costs < 5 & rising.') }),
      storedArticle({ id: 'b', title: 'Quote', position: 1, url: 'https://example.com/"x"', paragraphs: body('Fine.') }),
    ]);
    const [message] = buildDigest(store, '2026-04-23').messages;
    expect(telegramHtmlProblems(message ?? '')).toEqual([]);
    expect(message).toContain('<b>1. R&amp;D &lt;2026&gt; &quot;plan&quot;</b>');
    expect(message).toContain('Costs &lt; 5 &amp; rising.');
    expect(message).toContain('<a href="https://example.com/&quot;x&quot;">Quote</a>');
  });

  it('orders sources by page number from the section, then loose articles by length', () => {
    const store = fakeArticleStore([
      storedArticle({ id: 'p2-a', title: 'p2a', source: 'page2.md', section: 'A02版', position: 0 }),
      storedArticle({ id: 'p2-b', title: 'p2b', source: 'page2.md', section: 'A02版', position: 1 }),
      storedArticle({ id: 'p1-b', title: 'p1b', source: 'page1.md', section: 'A01版', position: 1 }),
      storedArticle({ id: 'p1-a', title: 'p1a', source: 'page1.md', section: 'A01版', position: 0 }),
      storedArticle({ id: 'short', title: 'short', source: 'feed.json#1', paragraphs: body('短。'), ingestedAt: '2026-04-23T01:00:00Z' }),
      storedArticle({ id: 'long', title: 'long', source: 'other.json#1', paragraphs: body('长'.repeat(300)) }),
      storedArticle({ id: 'short-newer', title: 'short2', source: 'x.md', paragraphs: body('短。'), ingestedAt: '2026-04-23T02:00:00Z' }),
    ]);
    const digest = buildDigest(store, '2026-04-23');
    expect(digest.articles.map((article) => article.articleId)).toEqual(['p1-a', 'p1-b', 'p2-a', 'p2-b', 'long', 'short-newer', 'short']);
    expect(digest.text).toContain('【A01版】\n1. p1a');
    expect(digest.text).not.toContain('【A01版】\n2.');
    expect(digest.messages[0]).toContain('<i>A02版</i>\n<b>3. p2a</b>');
  });

  it('splits long digests between articles, each message within the limit, every article once', () => {
    const articles = Array.from({ length: 60 }, (_, index) =>
      storedArticle({
        id: `article-${index}`,
        title: `第${index + 1}条新闻：株洲&长沙<联动>`,
        position: index,
        url: `https://example.com/news/${index}`,
        paragraphs: body(`${'株洲制造持续进阶，'.repeat(12)}成色越来越足。`),
      }),
    );
    const digest = buildDigest(fakeArticleStore(articles), '2026-04-23', { maxMessageChars: 1500 });
    expect(digest.messages.length).toBeGreaterThan(3);
    for (const message of digest.messages) {
      expect(message.length).toBeLessThanOrEqual(1500);
      expect(telegramHtmlProblems(message)).toEqual([]);
    }
    const shown = digest.messages.map(visibleText).join('\n\n');
    for (const [index, article] of articles.entries()) {
      expect(shown.split(`${index + 1}. ${article.title}\n`).length - 1).toBe(1);
    }
    expect(digest.messages.filter((message) => message.includes('今日要闻'))).toHaveLength(1);
    expect(buildDigest(fakeArticleStore(articles), '2026-04-23').messages.every((message) => message.length <= 4096)).toBe(true);
  });

  it('keeps a pathological article within the limit by dropping its link', () => {
    const store = fakeArticleStore([storedArticle({ id: 'a', title: 'Huge', url: `https://example.com/${'x'.repeat(5000)}`, paragraphs: body('Fine.') })]);
    const digest = buildDigest(store, '2026-04-23');
    expect(digest.messages.every((message) => message.length <= 4096)).toBe(true);
    expect(digest.messages.join('')).toContain('<b>1. Huge</b>');
  });
});
