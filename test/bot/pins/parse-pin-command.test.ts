import { describe, expect, it } from 'vitest';
import { parsePinCommand } from '../../../src/bot/pins/parse-pin-command.js';

describe('parsePinCommand', () => {
  it('reads 问题 | 答案 | 文章id, the article optional, with either bar', () => {
    expect(parsePinCommand(' 体育馆何时开放？ | 10月1日 | gym ', null)).toEqual({ question: '体育馆何时开放？', answer: '10月1日', articleId: 'gym' });
    expect(parsePinCommand('体育馆何时开放？｜10月1日', null)).toEqual({ question: '体育馆何时开放？', answer: '10月1日', articleId: null });
  });

  it('as a reply takes the question from the replied text, or from its last “…” (a line of /unanswered)', () => {
    expect(parsePinCommand('10月1日 | gym', { text: '体育馆何时开放？' })).toEqual({ question: '体育馆何时开放？', answer: '10月1日', articleId: 'gym' });
    expect(parsePinCommand('年底', { text: '3 次 地铁 — 例：“地铁5号线什么时候通车？”' })).toEqual({ question: '地铁5号线什么时候通车？', answer: '年底', articleId: null });
    expect(parsePinCommand('问 | 答 | id', { text: '别的问题' })).toEqual({ question: '问', answer: '答', articleId: 'id' });
  });

  it('refuses an empty payload and the wrong number of parts', () => {
    expect(parsePinCommand('', null)).toBeNull();
    expect(parsePinCommand('  ', { text: '问题' })).toBeNull();
    expect(parsePinCommand('只有问题', null)).toBeNull();
    expect(parsePinCommand('a | b | c | d', null)).toBeNull();
  });
});
