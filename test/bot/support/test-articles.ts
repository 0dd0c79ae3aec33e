import type { Article } from '../../../src/ingest/article.js';
import { makeArticle } from '../fake-archive.js';

/** An article whose text is full of characters Telegram's HTML mode treats specially. */
export const HTML_ARTICLE: Article = makeArticle({
  id: 'html-special',
  title: 'Tom & Jerry <b>粗体</b> 标题',
  url: 'https://news.example.com/a?x=1&y=<2>',
  date: '2026-04-20',
  paragraphs: ['市场监管局提醒：网页中的 <script>alert("x")</script> 不会执行，A&B 公司的 <b>标签</b> 和 &amp; 原样显示。'],
});

/** An article far longer than one Telegram message (about 3 messages). */
export const LONG_ARTICLE: Article = makeArticle({
  id: 'long-report',
  title: '株洲政府工作报告全文',
  date: '2026-04-21',
  paragraphs: Array.from(
    { length: 60 },
    (_, index) =>
      `第${index + 1}段：株洲坚持制造强市战略，推动轨道交通、航空动力和先进陶瓷产业集群发展，全年完成固定资产投资增长${index}个百分点。企业研发投入继续增加，专精特新“小巨人”企业数量稳步上升。`,
  ),
});

/** Short articles the fake answerer can answer from. */
export const STATION_ARTICLE: Article = makeArticle({
  id: 'care-stations',
  title: '株洲今年新建80家爱心驿站',
  date: '2026-04-23',
  url: 'https://www.zznews.gov.cn/news/2026/0423/care-stations.html',
  paragraphs: ['株洲今年将新建80家爱心驿站，方便户外劳动者歇脚。', '爱心驿站提供饮水、休息和充电服务。'],
});
