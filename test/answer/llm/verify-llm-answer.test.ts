import { describe, expect, it } from 'vitest';
import { passageEvidence } from '../../../src/answer/llm/build-prompt.js';
import { renumberCitations } from '../../../src/answer/llm/renumber-citations.js';
import { splitAnswerSentences } from '../../../src/answer/llm/split-answer-sentences.js';
import { verifyLlmAnswer } from '../../../src/answer/llm/verify-llm-answer.js';
import { PASSAGES } from './fixtures.js';

const EVIDENCE = PASSAGES.map(passageEvidence);

function droppedReasons(reply: string): (string | null)[] {
  return verifyLlmAnswer(reply, EVIDENCE).checks.map((check) => check.dropped?.reason ?? null);
}

describe('splitAnswerSentences', () => {
  it('keeps citations written after the full stop with their sentence and normalizes [1,2] and 【1】', () => {
    const sentences = splitAnswerSentences('第一句。[1] 第二句！【2】\n第三句[1,3]？English one [2]. Two [3].');
    expect(sentences.map((sentence) => [sentence.text, sentence.citations])).toEqual([
      ['第一句。[1]', [1]],
      ['第二句！[2]', [2]],
      ['第三句[1][3]？', [1, 3]],
      ['English one [2].', [2]],
      ['Two [3].', [3]],
    ]);
    expect(sentences[2]?.claim).toBe('第三句？');
  });

  it('removes reasoning blocks, bullets, emphasis and source lists', () => {
    const reply = '<think>先看资料[9]。</think>- **三所**小学[3]。\n来源：\n[3] 滨江区新建三所小学';
    expect(splitAnswerSentences(reply).map((sentence) => sentence.text)).toEqual(['三所小学[3]。']);
  });

  it('does not split decimals', () => {
    expect(splitAnswerSentences('The line is 8.6 km long [1].')).toHaveLength(1);
  });
});

describe('verifyLlmAnswer', () => {
  it('keeps sentences whose numbers, dates and names are in the cited passages', () => {
    expect(droppedReasons('南延段于6月28日开通[1]。报道日期是2024年5月12日[3]。“西湖环线”预计10月完工[2]。绿道计划新建一百二十公里[2]。')).toEqual([null, null, null, null]);
  });

  it('drops uncited sentences, unknown passages, wrong numbers and unknown names', () => {
    expect(droppedReasons('这是总结。南延段全长8.6公里[4]。南延段全长9公里[1]。“东湖环线”预计10月完工[2]。据Reuters报道新增学位4500个[3]。')).toEqual([
      'no_citation',
      'unknown_passage',
      'quantity_not_in_source',
      'name_not_in_source',
      'name_not_in_source',
    ]);
  });

  it('checks a number against the passages the sentence cites, not all passages', () => {
    expect(droppedReasons('新增学位4500个[1]。新增学位4500个[1][3]。')).toEqual(['quantity_not_in_source', null]);
  });

  it('does not check names translated into an English answer, but still checks its numbers', () => {
    expect(droppedReasons('The southern extension of Metro Line 5 is 8.6 km long [1]. It has 7 stations [1].')).toEqual([null, 'quantity_not_in_source']);
  });

  it('reports the kept share and rejoins kept sentences', () => {
    const result = verifyLlmAnswer('新增学位4500个[3]。这是总结。\n设车站6座[1]。', EVIDENCE);
    expect(result.text).toBe('新增学位4500个[3]。\n设车站6座[1]。');
    expect(result.keptShare).toBeGreaterThan(0.5);
    expect(result.keptShare).toBeLessThan(1);
  });

  it('leaves out the last, possibly unfinished sentence of a partial reply', () => {
    expect(verifyLlmAnswer('新增学位4500个[3]。设车站6', EVIDENCE, { partial: true }).text).toBe('新增学位4500个[3]。');
  });
});

describe('renumberCitations', () => {
  it('numbers sources 1..m in order of first use and collapses repeats', () => {
    expect(renumberCitations('甲[3][3]。乙[1][3]。丙[5]。')).toEqual({ text: '甲[1]。乙[2][1]。丙[3]。', sources: [3, 1, 5] });
  });
});
