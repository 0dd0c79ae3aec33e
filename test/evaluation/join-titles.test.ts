// A tuning set's titles joined into long articles, with the passages an evaluation leaves out.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSquad } from '../../src/evaluation/load-squad.js';
import { joinTitles } from '../../src/evaluation/join-titles.js';
import { leftOutPassages } from '../../src/evaluation/left-out-passages.js';
import { temporaryHome } from '../helpers/run-cli.js';
import { TOWN_AND_VILLAGE, writeTownAndVillage } from '../helpers/town-and-village-set.js';

describe('joinTitles', () => {
  const home = temporaryHome();
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
  const file = writeTownAndVillage(home);
  const set = loadSquad(file);

  it('makes each title one article: its paragraphs in order, the title as its title', () => {
    expect(set.articles.map((article) => article.id)).toEqual(['town-1', 'town-2', 'town-3', 'town-4', 'village-1']);
    const joined = joinTitles(set);
    expect(joined.map((article) => [article.id, article.title])).toEqual([
      ['title-0', '青石镇志'],
      ['title-1', '白沙村'],
    ]);
    expect(joined[0]?.paragraphs).toEqual(TOWN_AND_VILLAGE.data[0]?.paragraphs.map((paragraph) => paragraph.context));
    expect(joined[0]?.source).toBe(`${file}#title-0`);
  });

  it('leaves a left-out paragraph out of its article and keeps the rest', () => {
    const leftOut = leftOutPassages(set, 3);
    expect([...leftOut]).toEqual(['town-1', 'town-4']);
    const [town] = joinTitles(set, leftOut);
    expect(town?.paragraphs).toEqual(['镇上的石桥建于1890年，全长四十二米。', '镇长王立新今年五十岁，曾是一名中学教师。']);
  });

  it('makes no article of a title whose every paragraph is left out', () => {
    expect(joinTitles(set, new Set(['village-1'])).map((article) => article.id)).toEqual(['title-0']);
  });
});
