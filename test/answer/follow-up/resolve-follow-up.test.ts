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
});
