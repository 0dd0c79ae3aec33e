import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_DEFAULTS, resolveFollowUp, subjectOf } from '../../../src/answer/follow-up/resolve-follow-up.js';

const NOW = 1_750_000_000_000;
const turn = (question: string, agoMs = 60_000) => ({ question, articleIds: ['bridge-2025'], at: NOW - agoMs });

describe('resolveFollowUp', () => {
  it('swaps the same kind of word in the previous question (那去年呢？, 市级的呢？)', () => {
    expect(resolveFollowUp('那去年呢？', turn('河城今年新建了多少座桥？'), { now: NOW })).toEqual({
      question: '河城去年新建了多少座桥？',
      followUp: true,
      previousArticleIds: ['bridge-2025'],
    });
    expect(resolveFollowUp('市级的呢？', turn('河城有多少个省级示范点？'), { now: NOW }).question).toBe('河城有多少个市级示范点？');
  });

  it('replaces a leading pronoun with what the previous question was about', () => {
    const resolved = resolveFollowUp('她是哪所学校的？', turn('青年教师奖的获奖者是谁？'), { now: NOW });
    expect(resolved.followUp).toBe(true);
    expect(resolved.question).toBe('青年教师奖的获奖者是哪所学校的？');
  });

  it('resolves 她/他 to the person the previous answer named, and 它 to the thing when it asked which one', () => {
    const named = { ...turn('青年教师奖的获奖者是谁？'), subject: '王晓梅' };
    expect(resolveFollowUp('她后来去了哪所学校？', named, { now: NOW })).toMatchObject({ question: '王晓梅后来去了哪所学校？', followUp: true });
    expect(resolveFollowUp('那她现在在哪里工作？', named, { now: NOW }).question).toBe('王晓梅现在在哪里工作？');
    const company = { ...turn('哪家企业获得了A级纳税信用？'), subject: '澳维膜' };
    expect(resolveFollowUp('它的总经理是谁？', company, { now: NOW }).question).toBe('澳维膜的总经理是谁？');
    // A question that did not ask which one: 该 means what it was about.
    const about = { ...turn('王晓梅获得了什么奖？'), subject: '青年教师奖' };
    expect(resolveFollowUp('该奖项奖金多少？', about, { now: NOW }).question).toBe('王晓梅奖项奖金多少？');
  });

  it('does not bend a question that stands on its own', () => {
    const previous = turn('河城今年新建了多少座桥？');
    for (const question of ['河城的图书馆什么时候开放？', '今年的预算是多少？', '那座大桥全长多少米？']) {
      expect(resolveFollowUp(question, previous, { now: NOW })).toMatchObject({ question, followUp: false });
    }
  });

  it('lets the previous question expire after the window', () => {
    const old = turn('河城今年新建了多少座桥？', FOLLOW_UP_DEFAULTS.windowMs + 1);
    expect(resolveFollowUp('那去年呢？', old, { now: NOW })).toMatchObject({ question: '那去年呢？', followUp: false });
    expect(resolveFollowUp('那去年呢？', null, { now: NOW }).followUp).toBe(false);
  });

  it('finds the subject of a question before its question word', () => {
    expect(subjectOf('澳维膜的常务副总经理是谁？')).toBe('澳维膜的常务副总经理');
  });

  it('takes what a question asked something of, not the thing asked, as what a later 他/它 means', () => {
    // A question for a person or company is about that one; any other asks something of its owner or opening name.
    expect(subjectOf('王晓梅的职业是什么？')).toBe('王晓梅');
    expect(subjectOf('王晓梅减肥前体重是多少公斤？')).toBe('王晓梅');
    expect(subjectOf('河城去年缴了多少税？')).toBe('河城');
    expect(subjectOf('河城体育中心2025年接待了多少人？')).toBe('河城体育中心');
    expect(resolveFollowUp('他现在体重多少？', turn('王晓梅减肥前体重是多少公斤？'), { now: NOW }).question).toBe('王晓梅现在体重多少？');
    expect(resolveFollowUp('它的产品销往哪里？', turn('河城去年缴了多少税？'), { now: NOW }).question).toBe('河城的产品销往哪里？');
    // Nothing names a subject before the verb: the words before the question word, as before.
    expect(subjectOf('今年要新建多少座桥？')).toBe('今年要新建');
  });
});
