import { describe, expect, it } from 'vitest';
import { answerSubject } from '../../../src/answer/follow-up/answer-subject.js';

describe('answerSubject', () => {
  it('finds the name an answer gave to a question asking who or which one', () => {
    expect(answerSubject('青年教师奖的获奖者是谁？', '本届青年教师奖的获奖者是市实验小学教师王晓梅。[1]')).toBe('王晓梅');
    expect(answerSubject('谁获得了青年教师奖？', '陈静怡获得了本届青年教师奖。[1]她从教十年。[2]')).toBe('陈静怡');
    expect(answerSubject('哪家企业获得了A级纳税信用？', '株洲澳维膜科技有限公司连续多年获评纳税信用A级。[1]')).toBe('澳维膜');
  });

  it('takes the name next to the question’s words, not a word guessed in a quotation before it', () => {
    const answer = '“做膜材料，配方差之毫厘，产品失之千里。”澳维膜常务副总经理黄海道出企业经营的秘诀。[1]';
    expect(answerSubject('澳维膜的常务副总经理是谁？', answer)).toBe('黄海');
  });

  it('gives nothing for a question that asked for no name', () => {
    expect(answerSubject('大桥全长多少米？', '王晓梅说，大桥全长1280米。[1]')).toBeNull();
  });
});
