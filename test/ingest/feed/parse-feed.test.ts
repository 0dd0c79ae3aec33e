import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../../src/ingest/feed/parse-feed.js';
import { fixtureText } from '../fetch/test-server.js';

const BASE = 'https://news.example.cn';

describe('parseFeed', () => {
  it('reads RSS 2.0 items: link, guid, date as written, dc:creator, first category, content:encoded', async () => {
    const feed = await parseFeed(fixtureText('rss-full-text.xml', BASE), `${BASE}/rss.xml`);
    expect(feed.title).toBe('株洲日报 · 要闻');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      title: '株洲轨道交通装备产业集群产值突破1500亿元',
      link: `${BASE}/news/rail-cluster.html`,
      guid: 'zzrb-2026-0423-001',
      publishedText: 'Thu, 23 Apr 2026 07:30:00 +0800',
      authors: ['王晓明'],
      section: '经济',
    });
    expect(feed.items[0]?.contentHtml).toContain('<p>');
  });

  it('reads Atom entries, resolving relative links against the feed URL and unescaping HTML titles', async () => {
    const xml = fixtureText('atom-linked.xml', BASE).replace('<title>市中心医院开通夜间门诊</title>', '<title type="html">市中心医院开通&lt;b&gt;夜间门诊&lt;/b&gt;</title>');
    const feed = await parseFeed(xml, `${BASE}/feeds/atom.xml`);
    expect(feed.items.map((item) => item.link)).toEqual([`${BASE}/articles/pocket-parks.html`, `${BASE}/feeds/articles/night-clinic.html`]);
    expect(feed.items[0]).toMatchObject({ guid: 'urn:zzrb:2026-0423-101', publishedText: '2026-04-23T06:45:00+08:00', authors: ['陈思远'], section: '城建' });
    expect(feed.items[1]?.title).toBe('市中心医院开通夜间门诊');
  });

  it('raises FeedParseError for malformed XML and for XML that is no feed', async () => {
    await expect(parseFeed(fixtureText('malformed.xml', BASE), BASE)).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed('<html><body>hi</body></html>', BASE)).rejects.toThrow(/malformed feed/);
  });
});
