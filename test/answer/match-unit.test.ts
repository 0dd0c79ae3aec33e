import { describe, expect, it } from 'vitest';
import { matchUnit } from '../../src/answer/match-unit.js';
import type { QuestionUnit } from '../../src/answer/question-profile.js';

const unit = (text: string, role: QuestionUnit['role'] = 'topic'): QuestionUnit => ({ text, role, distinctive: false, indexTerms: [text] });

describe('matchUnit', () => {
  it('does not count a word found only across a word boundary (城市长廊 does not hold 市长)', () => {
    expect(matchUnit(unit('市长'), '滨江城市长廊昨日开放')).toBeLessThan(1);
    expect(matchUnit(unit('市长'), '市长何恩广出席')).toBe(1);
  });

  it('gives partial credit from bigrams and characters, more to a verb than to a noun', () => {
    expect(matchUnit(unit('管理中心'), '管理了一个中心')).toBeGreaterThan(0);
    expect(matchUnit(unit('降到', 'relation'), '降至')).toBeGreaterThan(matchUnit(unit('降到'), '降至'));
  });
});
