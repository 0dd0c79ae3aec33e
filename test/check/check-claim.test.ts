import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/check/check-claim.js';
import { createFakeArchive, type FakeArticle } from './fake-retriever.js';

// Invented articles of an invented city paper (江城), shaped like real city news: several figures per sentence,
// subjects carried over from earlier clauses, 我市 for the home city, parallel statements split by semicolons.
const ARTICLES: FakeArticle[] = [
  {
    id: 'firms',
    title: '江城专精特新企业数量再创新高',
    date: '2026-03-02',
    paragraphs: [
      '2025年，江城新增国家级专精特新“小巨人”企业12家，累计达到58家，数量居全省第三位。与此同时，江城新增省级专精特新中小企业140家，累计810家。',
      '江城高新区企业服务中心负责人介绍，全年为企业办理各类服务事项超3200件。',
    ],
  },
  {
    id: 'livelihood',
    title: '今年我市将办好十五件民生实事',
    subtitle: '新建社区食堂120个、改造老旧小区45个',
    date: '2026-02-10',
    paragraphs: [
      '近日，市政府常务会议审议通过2026年民生实事方案。今年，我市将着力办好15件民生实事。',
      '其中，将为社区老人新建120个社区食堂，改造老旧小区45个，新增公办幼儿园学位3600个。',
    ],
  },
  {
    id: 'sleep',
    title: '江城第一人民医院睡眠门诊这一年',
    date: '2026-01-15',
    paragraphs: ['江城第一人民医院睡眠医学中心于2024年9月成立，是全市首家睡眠医学中心。', '2025年，睡眠门诊接诊超2600人次，开展多导睡眠监测480例，平均等待时间缩短至3天。'],
  },
  {
    id: 'marathon',
    title: '河阳市马拉松鸣枪开跑',
    date: '2026-04-12',
    paragraphs: ['4月12日，河阳市马拉松赛鸣枪开跑，共有12000名选手参赛，江城代表队获得团体第二名。'],
  },
  {
    id: 'quality',
    title: '江城企业获质量大奖',
    date: '2026-04-01',
    paragraphs: ['江城精工集团荣获第七届省长质量奖；江城电机公司荣获中国质量奖提名奖。两家企业均为江城制造业的骨干企业。'],
  },
];

const archive = createFakeArchive(ARTICLES);
const check = (claim: string) => checkClaim(claim, { retriever: archive.retriever, readChunks: archive.readChunks });

describe('checkClaim: supported', () => {
  it('supports a figure stated with the same subject, and quotes the sentence holding it', async () => {
    const result = await check('江城国家级专精特新小巨人企业累计达到58家');
    expect(result.verdict).toBe('supported');
    expect(result.evidence).toHaveLength(1);
    expect(result.evidence[0]).toMatchObject({ articleId: 'firms', title: '江城专精特新企业数量再创新高', date: '2026-03-02' });
    expect(result.evidence[0]!.quote).toContain('累计达到58家');
    expect(result.evidence[0]!.quote).not.toContain('高新区');
    expect(result.comparisons).toEqual([{ claim: '58家', archive: '58家', matches: true, articleTitle: '江城专精特新企业数量再创新高', date: '2026-03-02' }]);
    expect(result.explanation).toContain('58家');
    expect(result.explanation).toContain('江城专精特新企业数量再创新高');
  });

  it('compares a bare number typed without its unit', async () => {
    expect((await check('江城国家级专精特新小巨人企业累计达到58')).verdict).toBe('supported');
    expect((await check('江城国家级专精特新小巨人企业累计达到60')).verdict).toBe('contradicted');
  });

  it('reads Chinese numerals as the figures they are (十五件 = 15件)', async () => {
    expect((await check('今年江城将着力办好十五件民生实事')).verdict).toBe('supported');
  });

  it('respects bounds: 超2600人次 supports 超过2600人次', async () => {
    const result = await check('2025年睡眠门诊接诊超过2600人次');
    expect(result.verdict).toBe('supported');
    expect(result.comparisons[0]).toMatchObject({ claim: '超过2600人次', archive: '超2600人次', matches: true });
  });

  it('takes the subject of a figure from earlier in the article (the hospital named a sentence before)', async () => {
    expect((await check('江城第一人民医院2025年开展多导睡眠监测480例')).verdict).toBe('supported');
  });

  it('supports a date as the figure when the claim has no other', async () => {
    expect((await check('江城第一人民医院睡眠医学中心于2024年9月成立')).verdict).toBe('supported');
  });

  it('writes of the home city as 我市: 江城 in the claim matches 我市 in the article', async () => {
    expect((await check('江城今年将新建120个社区食堂')).verdict).toBe('supported');
  });

  it('supports a claim without figures only when one statement holds all its words', async () => {
    const result = await check('江城电机公司荣获中国质量奖提名奖');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]!.quote).toContain('江城电机公司荣获中国质量奖提名奖');
  });
});

describe('checkClaim: contradicted', () => {
  it('contradicts a different figure for the same slot and shows both side by side', async () => {
    const result = await check('江城国家级专精特新小巨人企业累计达到60家');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons).toEqual([{ claim: '60家', archive: '58家', matches: false, articleTitle: '江城专精特新企业数量再创新高', date: '2026-03-02' }]);
    expect(result.evidence[0]!.quote).toContain('58家');
    expect(result.explanation).toMatch(/60家.*58家/);
  });

  it('picks the figure whose local words match: 累计 810家, not 新增 140家', async () => {
    const result = await check('江城省级专精特新中小企业累计达到900家');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '900家', archive: '810家' });
  });

  it('does not let a matching number of another slot of the same subject support the claim (新增810家 vs 累计810家)', async () => {
    const result = await check('江城新增省级专精特新中小企业810家');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '810家', archive: '140家' });
  });

  it('contradicts an ordinal (第三位 vs 第五位)', async () => {
    const result = await check('江城国家级专精特新小巨人企业数量居全省第五位');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '第五位', archive: '第三位' });
  });

  it('contradicts a figure outside the archive bound (3000人次 vs 超2600人次)', async () => {
    expect((await check('2025年睡眠门诊接诊3000人次')).verdict).toBe('contradicted');
  });

  it('contradicts a matching figure dated differently in the same sentence', async () => {
    const result = await check('2024年睡眠门诊接诊超2600人次');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '2024年', archive: '2025年', matches: false });
  });

  it('contradicts a date figure', async () => {
    expect((await check('江城第一人民医院睡眠医学中心于2023年9月成立')).verdict).toBe('contradicted');
  });

  it('states figures, it does not reason about them: 超过3000件 is not what 超3200件 says', async () => {
    const result = await check('江城高新区企业服务中心全年为企业办理各类服务事项超过3000件');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '超过3000件', archive: '超3200件' });
  });

  it('takes each item of a list of figures as its own slot (改造老旧小区45个, not 社区食堂120个)', async () => {
    const result = await check('江城今年将改造老旧小区120个');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '120个', archive: '45个' });
  });

  it('reads 我市 as the home city when contradicting too', async () => {
    const result = await check('江城今年将新建150个社区食堂');
    expect(result.verdict).toBe('contradicted');
    expect(result.comparisons[0]).toMatchObject({ claim: '150个', archive: '120个' });
  });
});

describe('checkClaim: not supported when only the number matches', () => {
  it('a number of another subject in the same sentence (12家 is the 小巨人 figure, not the 省级 one)', async () => {
    const result = await check('江城新增省级专精特新中小企业12家');
    expect(result.verdict).not.toBe('supported');
  });

  it('the same number for something the archive never mentions', async () => {
    const result = await check('江城今年将新建120座城市公园');
    expect(result.verdict).toBe('not_found');
    expect(result.evidence).toEqual([]);
  });

  it('the same figure and words, but another city', async () => {
    expect((await check('河阳市今年将新建120个社区食堂')).verdict).toBe('not_found');
  });

  it('a figure stated in a parallel statement about another company', async () => {
    expect((await check('江城电机公司荣获第七届省长质量奖')).verdict).not.toBe('supported');
  });

  it('an award claim whose award differs (no figure): not found, never supported', async () => {
    expect((await check('江城精工集团荣获中国质量奖提名奖')).verdict).toBe('not_found');
  });
});

describe('checkClaim: not found', () => {
  it('nothing in the archive speaks to the claim', async () => {
    const result = await check('江城新增国家级绿色工厂9家');
    expect(result.verdict).toBe('not_found');
    expect(result.evidence).toEqual([]);
    expect(result.comparisons).toEqual([{ claim: '9家', archive: null, matches: false, articleTitle: null, date: null }]);
    expect(result.explanation).toMatch(/^Not found/);
  });

  it('an empty archive', async () => {
    const empty = createFakeArchive([]);
    const result = await checkClaim('江城新增国家级绿色工厂9家', { retriever: empty.retriever });
    expect(result.verdict).toBe('not_found');
  });

  it('works from retrieved passages alone, without reading whole articles', async () => {
    const result = await checkClaim('江城国家级专精特新小巨人企业累计达到60家', { retriever: archive.retriever });
    expect(result.verdict).toBe('contradicted');
  });
});
