import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.js';
import { summarizeArticle } from '../../src/digest/summarize-article.js';

const summarize = (paragraphs: string[], maxChars?: number) => summarizeArticle({ subtitle: null, paragraphs }, maxChars === undefined ? {} : { maxChars });

describe('splitSentences', () => {
  it('splits Chinese sentences, keeps closing quotes, and does not split decimals', () => {
    expect(splitSentences('他说：“真正的警钟，是我父亲的离世。”春节前，父亲去世。身高1.65米的他体重87.5公斤！对吗？')).toEqual([
      '他说：“真正的警钟，是我父亲的离世。”',
      '春节前，父亲去世。',
      '身高1.65米的他体重87.5公斤！',
      '对吗？',
    ]);
  });

  it('splits Latin sentences at a full stop followed by a space', () => {
    expect(splitSentences('Revenue rose 3.5 percent. Exports doubled! Why?')).toEqual(['Revenue rose 3.5 percent.', 'Exports doubled!', 'Why?']);
  });

  it('treats …… as a sentence end and keeps text without an end', () => {
    expect(splitSentences('新建“爱心驿站”80家……还有更多')).toEqual(['新建“爱心驿站”80家……', '还有更多']);
  });
});

describe('summarizeArticle', () => {
  it('takes the first two sentences when they fit', () => {
    const summary = summarize(['近日，上奇研究院发布榜单，株洲位列第43位。株洲跻身全国榜单50强。企业强，则产业强。']);
    expect(summary).toBe('近日，上奇研究院发布榜单，株洲位列第43位。株洲跻身全国榜单50强。');
  });

  it('takes one sentence when the second would pass the budget', () => {
    const second = `${'这'.repeat(115)}。`;
    expect(summarize([`株洲位列第43位。${second}`])).toBe('株洲位列第43位。');
  });

  it('continues into the next lead paragraph', () => {
    expect(summarize(['4月22日，动员大会召开。', '市领导参加。'])).toBe('4月22日，动员大会召开。市领导参加。');
  });

  it('prefers a whole short lead sentence over cutting a long first sentence', () => {
    const long = `清晨，湘江风光带，${'脚步轻快，'.repeat(30)}这是一场健康自救。`;
    const summary = summarize([long, '在我市深入推进的“体重管理年”行动中，苏明的故事打开了株洲慢病防治的一次深刻转身。']);
    expect(summary).toBe('在我市深入推进的“体重管理年”行动中，苏明的故事打开了株洲慢病防治的一次深刻转身。');
  });

  it('cuts an overlong only sentence at a clause boundary and ends it with …', () => {
    const long = `习近平近日作出重要指示指出，义乌小商品闯出大市场、做成大产业，形成“义乌发展经验”，${'这是因地制宜发展县域经济的成功实践，'.repeat(6)}意义重大。`;
    const summary = summarize([long]);
    expect(summary.length).toBeLessThanOrEqual(120);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long[summary.length - 1]).toBe('，');
  });

  it('does not end a cut inside an open quotation', () => {
    const long = `株洲发布通知，要求各单位认真学习“${'关于进一步加强城市管理工作，'.repeat(10)}”精神。`;
    const summary = summarize([long], 60);
    expect(summary).toBe('株洲发布通知…');
  });

  it('skips bylines and strips a news-agency dateline', () => {
    const summary = summarize(['株洲日报全媒体记者/王娜', '新华社北京4月23日电 中共中央总书记习近平近日作出重要指示。']);
    expect(summary).toBe('中共中央总书记习近平近日作出重要指示。');
  });

  it('joins English sentences with a space', () => {
    expect(summarize(['The city opened a new bridge. Traffic eased at once. More follows later in the year.'], 60)).toBe('The city opened a new bridge. Traffic eased at once.');
  });

  it('falls back to the subtitle when there is no body, and to empty text', () => {
    expect(summarizeArticle({ subtitle: '紧盯“丑乱堵”问题抓整治', paragraphs: [] })).toBe('紧盯“丑乱堵”问题抓整治');
    expect(summarizeArticle({ subtitle: null, paragraphs: [] })).toBe('');
  });

  it('never exceeds the budget and always ends like a sentence or with …', () => {
    const texts = ['这是一个没有标点的很长的句子'.repeat(20), `${'甲乙丙丁，'.repeat(40)}完。`, '短句。', `A ${'very '.repeat(60)}long English sentence without a stop`];
    for (const text of texts) {
      for (const maxChars of [30, 80, 120]) {
        const summary = summarize([text], maxChars);
        expect(summary.length).toBeLessThanOrEqual(maxChars);
        expect(summary).toMatch(/[。！？!?.…”]$/);
      }
    }
  });
});
