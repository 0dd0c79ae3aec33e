// Answers in time, on a real archive (SQLite + HNSW, offline embedder) of invented dated articles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../src/pipeline/archive.js';
import { makeArticle, openTestArchive } from '../../helpers/open-test-archive.js';

const NOW = '2026-10-20T09:00:00+08:00';
let home: string;
let archive: Archive;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-time-'));
  archive = await openTestArchive(home, { NEWSBOT_NOW: NOW, NEWSROOM_CITY: '株洲' });
  await archive.indexArticles([
    makeArticle('taxi-2024', '出租车运营情况通报', ['全市共有出租车2100辆，由5家公司运营，日均载客约8万人次。'], { date: '2024-03-12' }),
    makeArticle('taxi-2025', '新增出租车投放', ['我市出租车总数增至2400辆，新投放车辆全部为纯电动车型。'], { date: '2025-06-18' }),
    makeArticle('taxi-2026', '出租车更新', ['本市出租车数量达到2600辆，其中纯电动车型占九成。'], { date: '2026-09-01' }),
    makeArticle('bridge-plan', '湘江四桥开工', ['湘江四桥今日开工，计划2025年12月建成通车。'], { date: '2024-02-20' }),
    makeArticle('bridge-done', '湘江四桥通车', ['湘江四桥于2026年1月18日正式建成通车，全长1.8公里。'], { date: '2026-01-18' }),
    makeArticle('library', '城市书房开放', ['全市城市书房增至35家，全部免费开放，每天开放到晚上九点。'], { date: '2026-04-02' }),
    makeArticle('bakery', '面包节开幕', ['第三届面包节在神农公园开幕，吸引游客两万余人。'], { date: '2026-05-01' }),
  ]);
});

afterAll(() => {
  archive.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('answers in time', () => {
  it("leads with the newest report of a figure updated twice, and says every report's date", async () => {
    const result = await archive.answerer.answer('全市现在有多少辆出租车？');
    expect(result.answered).toBe(true);
    expect(result.answer.startsWith('据2026年9月1日报道，')).toBe(true);
    expect(result.answer.indexOf('2600')).toBeLessThan(result.answer.indexOf('2400'));
    expect(result.answer.indexOf('2400')).toBeLessThan(result.answer.indexOf('2100'));
    expect(result.answer).toContain('2025年6月18日');
    expect(result.answer).toContain('2024年3月12日');
  });

  it("answers a named year from that year's report only", async () => {
    const result = await archive.answerer.answer('2024年全市有多少辆出租车？');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('2100');
    expect(result.answer).not.toContain('2400');
    expect(result.answer.startsWith('据2024年3月12日报道，')).toBe(true);
  });

  it('reads 去年 against the clock', async () => {
    const result = await archive.answerer.answer('去年全市有多少辆出租车？');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('2400');
    expect(result.answer).not.toContain('2600');
  });

  it('tells a plan and then its outcome', async () => {
    const result = await archive.answerer.answer('湘江四桥什么时候建成通车？');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('2024年2月20日');
    expect(result.answer).toContain('2026年1月18日');
    expect(result.answer.indexOf('计划')).toBeLessThan(result.answer.indexOf('正式建成'));
  });

  it('answers a question naming the city from articles that say 全市', async () => {
    const result = await archive.answerer.answer('株洲有多少家城市书房？');
    expect(result.answered).toBe(true);
    expect(result.answer).toBe('据2026年4月2日报道，全市城市书房增至35家，全部免费开放，每天开放到晚上九点。[1]');
  });

  it("answers English questions in time, with the report's date", async () => {
    const latest = await archive.answerer.answer('How many taxis are there in the city now?');
    expect(latest.answered).toBe(true);
    expect(latest.answer.startsWith('(reported 1 Sep 2026)')).toBe(true);
    const year = await archive.answerer.answer('How many taxis were there in 2024?');
    expect(year.answered).toBe(true);
    expect(year.answer).toContain('2100');
    expect(year.answer).not.toContain('2600');
    const lastYear = await archive.answerer.answer('How many taxis were there last year?');
    expect(lastYear.answer).toMatch(/^\(reported 18 Jun 2025\)/);
    expect(lastYear.answer).toContain('2400');
    expect(lastYear.answer).not.toContain('2600');
  });

  it('answers an English question naming the city from 我市/本市 articles, newest report first', async () => {
    const result = await archive.answerer.answer('How many taxis does Zhuzhou have now?');
    expect(result.answered).toBe(true);
    expect(result.answer.startsWith('(reported 1 Sep 2026)')).toBe(true);
    expect(result.answer.indexOf('2600')).toBeLessThan(result.answer.indexOf('2400'));
  });

  it('tells an English question a plan and then its outcome, naming both reports’ dates in English', async () => {
    const result = await archive.answerer.answer('When did the Xiangjiang Fourth Bridge open to traffic?');
    expect(result.answered).toBe(true);
    expect(result.answer.startsWith('(reported 20 Feb 2024 and 18 Jan 2026)')).toBe(true);
    expect(result.answer.indexOf('计划')).toBeLessThan(result.answer.indexOf('正式建成'));
  });
});
