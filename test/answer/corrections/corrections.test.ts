// Printed corrections and articles updated in place, on a real archive of invented articles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../src/pipeline/archive.js';
import { makeArticle, openTestArchive } from '../../helpers/open-test-archive.js';

let home: string;
let archive: Archive;
const SEWAGE = makeArticle('sewage', '河西污水处理厂扩建完工', ['河西污水处理厂扩建工程完工，全市日污水处理能力达到56万吨，出水水质达到一级A标准。'], { date: '2026-08-01' });
const NOTICE = makeArticle('notice', '更正', ['更正：8月1日本报刊发的《河西污水处理厂扩建完工》一文中，“日污水处理能力达到56万吨”应为“65万吨”。特此更正，并向读者致歉。'], {
  date: '2026-08-03',
});

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-corrections-'));
  archive = await openTestArchive(home, { NEWSBOT_NOW: '2026-10-20' });
  await archive.indexArticles([SEWAGE, NOTICE, makeArticle('park', '神农公园改造', ['神农公园改造工程启动，预计明年完工。'], { date: '2026-08-02' })]);
});

afterAll(() => {
  archive.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('printed corrections', () => {
  it('links the notice to the article it corrects, by the title it quotes', () => {
    expect(archive.corrections?.correctionsOf('sewage')).toEqual([
      { correctionId: 'notice', articleId: 'sewage', correctedOn: '2026-08-03', wrong: '日污水处理能力达到56万吨', corrected: '日污水处理能力达到65万吨' },
    ]);
  });

  it('answers with the corrected figure, cites the correction, and never gives the wrong figure as the answer', async () => {
    const result = await archive.answerer.answer('全市日污水处理能力达到多少万吨？');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('65万吨');
    expect(result.answer).not.toMatch(/^[^（]*56万吨/);
    expect(result.answer).toMatch(/（2026年8月3日更正\[\d\]）/);
    expect(result.citations.map((citation) => citation.articleId)).toContain('notice');
  });

  it('answers an English question with the corrected figure, the report date in English, and the correction cited', async () => {
    const result = await archive.answerer.answer("What is the city's daily sewage treatment capacity?");
    expect(result.answered).toBe(true);
    expect(result.answer.startsWith('(reported 1 Aug 2026)')).toBe(true);
    expect(result.answer).toContain('65万吨');
    expect(result.answer).not.toMatch(/^[^（]*56万吨/);
    expect(result.citations.map((citation) => citation.articleId)).toContain('notice');
  });

  it('marks an article updated in place (same id, new text) with the day it changed', async () => {
    expect(archive.corrections?.updatedOn('park')).toBeNull();
    await archive.indexArticles([makeArticle('park', '神农公园改造', ['神农公园改造工程启动，预计今年底完工。'], { date: '2026-08-02' })]);
    expect(archive.corrections?.updatedOn('park')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await archive.indexArticles([makeArticle('park', '神农公园改造', ['神农公园改造工程启动，预计今年底完工。'], { date: '2026-08-02' })]);
    expect(archive.corrections?.updatedOn('sewage')).toBeNull();
  });
});

describe('a notice ingested before the article it corrects', () => {
  const LIBRARY = makeArticle('library', '城市书房开放', ['全市城市书房增至53家，全部免费开放，每天开放到晚上九点。'], { date: '2026-04-02' });
  const EARLY_NOTICE = makeArticle('library-notice', '更正', ['更正：4月2日本报刊发的《城市书房开放》一文中，“全市城市书房增至53家”应为“35家”。特此更正。'], {
    date: '2026-04-05',
  });

  it('stays a plain article while the archive lacks that article, and is linked when it arrives', async () => {
    await archive.indexArticles([EARLY_NOTICE]);
    expect(archive.corrections?.correctionsOf('library')).toEqual([]);
    await archive.indexArticles([LIBRARY]);
    expect(archive.corrections?.correctionsOf('library')).toEqual([
      { correctionId: 'library-notice', articleId: 'library', correctedOn: '2026-04-05', wrong: '全市城市书房增至53家', corrected: '全市城市书房增至35家' },
    ]);
    const result = await archive.answerer.answer('全市城市书房增至多少家？');
    expect(result.answer).toContain('35家');
    expect(result.answer).toMatch(/（2026年4月5日更正\[\d\]）/);
  });
});
