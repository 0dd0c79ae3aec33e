import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/ingest/page/parse-page.js';

// Invented page text: every rule is exercised on synthetic input, never on the sample's strings.
const parse = (text: string) => parsePage(text, { source: 'pages/test.md', date: null });
const only = (text: string) => {
  const result = parse(text);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
};

describe('parsePage: splitting into articles', () => {
  it('makes one article per heading with a body, in page order', () => {
    const { articles, errors } = parse(['# 第一条新闻', '', '春风吹过河岸。', '', '## 第二条新闻', '', '桃花开满山坡。', '', '### 第三条新闻', '', '燕子飞回屋檐。'].join('\n'));
    expect(errors).toEqual([]);
    expect(articles.map((article) => [article.title, article.position])).toEqual([
      ['第一条新闻', 0],
      ['第二条新闻', 1],
      ['第三条新闻', 2],
    ]);
  });

  it('does not make an article of a heading without body', () => {
    const { articles } = parse('## 有正文的标题\n\n湖面上停着几只白鹭。\n\n## 只有标题没有正文');
    expect(articles.map((article) => article.title)).toEqual(['有正文的标题']);
  });

  it('takes an H3 directly under an H2 as the subtitle', () => {
    const article = only('## 主标题在这里\n\n### 副标题在这里\n\n正文第一段写在这里。');
    expect(article.title).toBe('主标题在这里');
    expect(article.subtitle).toBe('副标题在这里');
    expect(article.paragraphs).toEqual(['正文第一段写在这里。']);
  });

  it('keeps an H3 that follows body text as its own article', () => {
    const { articles } = parse('## 甲文章\n\n甲的正文。\n\n### 乙文章\n\n乙的正文。');
    expect(articles.map((article) => [article.title, article.subtitle])).toEqual([
      ['甲文章', null],
      ['乙文章', null],
    ]);
  });

  it('derives stable ids from source and title, and keeps same-titled articles apart', () => {
    const page = '## 同名\n\n第一篇。\n\n## 同名\n\n第二篇。';
    const first = parse(page).articles;
    const second = parsePage(page, { source: 'pages/test.md', date: null }).articles;
    expect(first.map((article) => article.id)).toEqual(second.map((article) => article.id));
    expect(first[0]!.id).toMatch(/^[0-9a-f]{12}$/);
    expect(first[0]!.id).not.toBe(first[1]!.id);
    expect(parsePage(page, { source: 'other.md', date: null }).articles[0]!.id).not.toBe(first[0]!.id);
  });

  it('uses the first line as title on a page without markdown headings', () => {
    const article = only('江边新修了步道\n\n步道全长五公里，沿江而建。\n\n市民每天来这里散步。');
    expect(article.title).toBe('江边新修了步道');
    expect(article.paragraphs).toHaveLength(2);
  });

  it('reports a headless page whose first line is a sentence', () => {
    const result = parse('步道全长五公里，沿江而建。\n\n市民每天来这里散步。');
    expect(result.articles).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/no headline/);
  });
});

describe('parsePage: metadata lines', () => {
  it('turns bylines into authors and keeps them out of the body', () => {
    const article = only(['## 新桥通车', '', '江城晚报全媒体记者/林小舟 通讯员/白石 唐果', '', '新桥今天正式通车。'].join('\n'));
    expect(article.authors).toEqual(['林小舟', '白石', '唐果']);
    expect(article.paragraphs).toEqual(['新桥今天正式通车。']);
  });

  it('turns a photo credit into the caption', () => {
    const caption = '孩子们在新建的图书馆里读书。记者/林小舟 摄';
    const article = only(['## 图书馆开放', '', caption, '', '新图书馆今天向市民开放。'].join('\n'));
    expect(article.photoCaption).toBe(caption);
    expect(article.paragraphs).toEqual(['新图书馆今天向市民开放。']);
  });

  it('drops page furniture (site name, web address, hotline)', () => {
    const article = only(['## 菜价平稳', '', '本周菜价总体平稳。', '', '江城新闻网 www.jiangcheng.example.cn 新闻热线: 66668888'].join('\n'));
    expect(article.paragraphs).toEqual(['本周菜价总体平稳。']);
  });
});

describe('parsePage: kickers', () => {
  it('moves a short line before a heading to the next article as its subtitle', () => {
    const { articles } = parse(['## 第一篇', '', '第一篇的正文已经结束。', '', '新增绿道30公里、口袋公园12个……', '', '## 第二篇', '', '今年新增绿道30公里。'].join('\n'));
    expect(articles[0]!.paragraphs).toEqual(['第一篇的正文已经结束。']);
    expect(articles[1]!.subtitle).toBe('新增绿道30公里、口袋公园12个……');
  });

  it('prepends the kicker to an existing H3 subtitle', () => {
    const { articles } = parse(['## 甲', '', '甲的正文。', '', '城市更新进行时', '', '## 乙', '', '### 老街换新颜', '', '老街改造完成。'].join('\n'));
    expect(articles[1]!.subtitle).toBe('城市更新进行时 老街换新颜');
    expect(articles[0]!.paragraphs).toEqual(['甲的正文。']);
  });

  it('keeps a last line that continues an unfinished paragraph', () => {
    const { articles } = parse(['## 甲', '', '项目涵盖道路、桥梁和', '', '地下管网', '', '## 乙', '', '乙的正文。'].join('\n'));
    expect(articles[0]!.paragraphs).toEqual(['项目涵盖道路、桥梁和地下管网']);
    expect(articles[1]!.subtitle).toBeNull();
  });
});

describe('parsePage: layout repair', () => {
  it('joins a paragraph broken mid-sentence with its continuation', () => {
    const article = only('## 测试\n\n今年春天，全市新种树木一万两千棵，主要分布在\n\n城东和城南的新区。\n\n第二段。');
    expect(article.paragraphs).toEqual(['今年春天，全市新种树木一万两千棵，主要分布在城东和城南的新区。', '第二段。']);
  });

  it('joins hard-break lines inside a prose block', () => {
    const article = only('## 测试\n\n今年春天，全市新种树木一万两千棵，主要分布在  \n城东和城南的新区。');
    expect(article.paragraphs).toEqual(['今年春天，全市新种树木一万两千棵，主要分布在城东和城南的新区。']);
  });

  it('joins a short broken line whose break cuts a word in two', () => {
    const article = only('## 测试\n\n参加比赛的有第一中学、实验中学、外国语学\n\n校和师范附中的学生。');
    expect(article.paragraphs).toEqual(['参加比赛的有第一中学、实验中学、外国语学校和师范附中的学生。']);
  });

  it('removes an exact repeat', () => {
    const article = only('## 测试\n\n河道清淤工程已经完成了大半。\n\n新建泵站下月投入使用。\n\n河道清淤工程已经完成了大半。');
    expect(article.paragraphs).toEqual(['河道清淤工程已经完成了大半。', '新建泵站下月投入使用。']);
  });

  it('removes a paragraph contained in an earlier one', () => {
    const article = only('## 测试\n\n河道清淤工程已经完成了大半，城西新建的两座泵站下月投入使用。\n\n第二段的内容。\n\n城西新建的两座泵站下月投入使用。');
    expect(article.paragraphs).toEqual(['河道清淤工程已经完成了大半，城西新建的两座泵站下月投入使用。', '第二段的内容。']);
  });

  it('removes a repeat that starts mid-sentence (the tail of an earlier paragraph)', () => {
    const article = only('## 测试\n\n专家建议，要坚持科学规划、分步实施、持续投入，让老旧小区焕发新的活力。\n\n第二段的内容。\n\n步实施、持续投入，让老旧小区焕发新的活力。');
    expect(article.paragraphs).toEqual(['专家建议，要坚持科学规划、分步实施、持续投入，让老旧小区焕发新的活力。', '第二段的内容。']);
  });

  it('cuts a repeated fragment out of a paragraph and joins what is new', () => {
    const article = only(
      [
        '## 测试',
        '',
        '在出行方面，将新开通公交线路八条，改造公交站台',
        '',
        '两百个，方便市民乘车。',
        '',
        '此外，还将实施背街小巷改造工程，完善在出行方面，将新开通公交线路八条，改造公交站台',
        '',
        '配套设施、提升照明水平。',
      ].join('\n'),
    );
    expect(article.paragraphs).toEqual(['在出行方面，将新开通公交线路八条，改造公交站台两百个，方便市民乘车。', '此外，还将实施背街小巷改造工程，完善配套设施、提升照明水平。']);
  });

  it('keeps a long phrase the writer repeats in the middle of paragraphs', () => {
    const first = '会上，全市乡村振兴重点项目推进工作会议部署了下一阶段任务。';
    const second = '会议要求，各县区把全市乡村振兴重点项目推进工作会议精神落到实处。';
    const article = only(`## 测试\n\n${first}\n\n${second}`);
    expect(article.paragraphs).toEqual([first, second]);
  });

  it('keeps a two-line hard-break sub-heading as its own paragraph', () => {
    const article = only(['## 测试', '', '开头一段。', '', '一所学校的“变身”  ', '从旧厂房到新校园', '', '去年，这里还是一片旧厂房。'].join('\n'));
    expect(article.paragraphs).toEqual(['开头一段。', '一所学校的“变身” 从旧厂房到新校园', '去年，这里还是一片旧厂房。']);
  });

  it('keeps a single short header line between complete paragraphs', () => {
    const article = only(['## 测试', '', '开头一段。', '', '三年改造的成绩单', '', '去年，这里还是一片旧厂房。'].join('\n'));
    expect(article.paragraphs).toEqual(['开头一段。', '三年改造的成绩单', '去年，这里还是一片旧厂房。']);
  });

  it('uses the date it is given', () => {
    const { articles } = parsePage('## 标题\n\n正文。', { source: 'a.md', date: '2025-04-23' });
    expect(articles[0]!.date).toBe('2025-04-23');
  });
});
