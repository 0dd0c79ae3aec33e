// A feed that gains a newest item between polls, honouring If-None-Match; shared by the poller tests.
import type { RouteHandler } from '../fetch/test-server.js';
import { fixtureText } from '../fetch/test-server.js';

export const NEWEST_ITEM = {
  title: '株洲西站改扩建工程正式开工',
  path: '/news/west-station.html',
  question: '株洲西站改扩建工程总投资多少？',
  paragraphs: [
    '本报讯 4月23日上午，株洲西站改扩建工程正式开工。工程总投资约18.6亿元，将新建站房4.2万平方米，新增到发线4条，预计2028年底建成投用。',
    '改扩建完成后，株洲西站将与长株潭城际铁路、市域快线实现同站换乘，旅客最高聚集人数由目前的3000人提升到8000人，日均发送旅客能力达到5万人次。',
    '施工期间车站正常运营，部分进站口和停车场将分阶段封闭改造。铁路部门提醒旅客提前40分钟到站，按照现场标识指引进站乘车，并留意12306发布的最新公告。',
  ],
};

const NEWEST_ITEM_XML = (base: string) => `
    <item>
      <title>${NEWEST_ITEM.title}</title>
      <link>${base}${NEWEST_ITEM.path}</link>
      <guid isPermaLink="false">zzrb-2026-0423-003</guid>
      <pubDate>Thu, 23 Apr 2026 11:00:00 +0800</pubDate>
      <dc:creator>本报记者 赵磊</dc:creator>
      <category>交通</category>
      <content:encoded><![CDATA[${NEWEST_ITEM.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}]]></content:encoded>
    </item>`;

/** Version 1 is the full-text RSS fixture; version 2 adds the newest item at the top. */
export function createChangingFeed(): { handler: RouteHandler; publishNewestItem(): void } {
  let version = 1;
  const handler: RouteHandler = (request, response, server) => {
    const etag = `"v${version}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    let xml = fixtureText('rss-full-text.xml', server.baseUrl);
    if (version >= 2) xml = xml.replace('<item>', `${NEWEST_ITEM_XML(server.baseUrl)}\n    <item>`);
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    response.end(xml);
  };
  return {
    handler,
    publishNewestItem() {
      version = 2;
    },
  };
}
