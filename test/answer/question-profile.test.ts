import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question-profile.js';

const words = (question: string): string[] => analyzeQuestion(question).units.map((unit) => unit.text);

describe('analyzeQuestion', () => {
  it('splits a particle glued onto a verb and keeps the verb', () => {
    // jieba's guesser glues 付了 when the question word is cut out of the text.
    const units = words('张三去年付了多少房租？');
    expect(units).not.toContain('付了');
    expect(units).toEqual(expect.arrayContaining(['张三', '去年', '房租']));
  });

  it('drops an auxiliary before a verb and keeps the verb, even of one character', () => {
    // 要 and 赔 come apart; the guesser glues 将建 and 能领: a paraphrase (赔偿, 建成) holds the verb, not the auxiliary.
    expect(words('被告最终要赔多少钱？')).toEqual(['被告', '赔']);
    expect(words('工程将建多少座桥？')).toEqual(['工程', '建', '桥']);
    expect(words('市民能领多少补贴？')).toEqual(['市民', '领', '补贴']);
    expect(words('公司应该赔偿多少？')).toEqual(['公司', '赔偿']);
    expect(analyzeQuestion('被告最终要赔多少钱？').units.find((unit) => unit.text === '赔')?.role).toBe('relation');
  });

  it('reads a question for another name as such, not as a why-question (称为什么 holds 为什么)', () => {
    expect(analyzeQuestion('这种药又被称为什么？').expects).toBe('alias');
    expect(analyzeQuestion('白鹭洲又叫什么？').expects).toBe('alias');
    expect(analyzeQuestion('这座桥为什么被称为彩虹桥？').expects).toBe('reason');
  });

  it('keeps a meaningful one-character noun', () => {
    expect(words('两年后交了多少税？')).toContain('税');
    expect(words('河上有几座桥？')).toContain('桥');
  });

  it('folds numerals so 两年 meets 2年', () => {
    const profile = analyzeQuestion('两年后交了多少税？');
    expect(profile.units.map((unit) => unit.text)).toContain('2年');
    expect(profile.numbers).toEqual(['2']);
  });

  it('treats an attribute word as a hint about the answer, not as evidence', () => {
    const profile = analyzeQuestion('获奖者的年龄多大？');
    expect(profile.units.map((unit) => unit.text)).toEqual(['获奖者']);
    expect(profile.hints).toEqual(['年龄']);
    expect(profile.expects).toBe('number');
    expect(profile.measure).toBe('岁');
  });

  it('reads the asked unit after 多少 and leaves the counted thing as a word', () => {
    const profile = analyzeQuestion('这座大桥全长多少米？');
    expect(profile.measure).toBe('米');
    expect(profile.units.map((unit) => unit.text)).toEqual(['大桥', '全长']);
    expect(profile.focus.map((unit) => unit.text)).toContain('全长');
  });

  it('reads an attribute as asked only next to the question word', () => {
    expect(analyzeQuestion('这种恐龙生存于什么时期？').expects).toBe('date');
    expect(analyzeQuestion('他的出生地是哪里？').expects).toBe('place');
    // 时期 sets the scene here; the question asks for a place name.
    expect(analyzeQuestion('秦朝时期这个县属于哪一郡？').expects).toBeNull();
    expect(analyzeQuestion('1980年代，什么车成为这条线的主力？').expects).toBeNull();
    // Without a question word the attribute is all there is to go by.
    expect(analyzeQuestion('获奖者的年龄').expects).toBe('number');
  });

  it('reads 哪几 and 哪些 as asking which ones, not how many', () => {
    expect(analyzeQuestion('车站由哪几个部分组成？').expects).toBe('list');
    expect(analyzeQuestion('入围榜单的有哪些企业？').expects).toBe('list');
    expect(analyzeQuestion('车站有几个出入口？').expects).toBe('number');
  });
});
