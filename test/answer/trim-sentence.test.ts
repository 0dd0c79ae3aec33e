// Cutting a long sentence down to the clauses that answer.
import { describe, expect, it } from 'vitest';
import { trimSentence } from '../../src/answer/trim-sentence.js';
import { findAnswerSlots } from '../../src/answer/answer-patterns.js';
import { analyzeQuestion } from '../../src/answer/question-profile.js';

describe('trimSentence', () => {
  it('keeps the clause with the asked-for fact over clauses that only repeat the question words', () => {
    const sentence =
      '翻开“2024年度全省企业纳税百强”榜单，甲机车公司、乙冶炼集团、丙电子股份、丁航空工业公司、戊汽车分公司、己新材料公司、庚半导体公司7家企业上榜，且以先进制造业企业为主。';
    const profile = analyzeQuestion('总共有几家企业登上全省企业纳税百强榜单？');
    const terms = profile.units.map((unit) => unit.text);
    const trimmed = trimSentence(sentence, 40, terms, () => 2, findAnswerSlots(sentence, profile));
    expect(trimmed).toContain('7家企业上榜');
    expect(trimmed.length).toBeLessThanOrEqual(41);
    // Without the slot, the clause that repeats most of the question's words is kept.
    expect(trimSentence(sentence, 40, terms, () => 2)).toContain('纳税百强');
  });
});
