import { describe, expect, it } from 'vitest';
import { frameFit, questionFrame } from '../../src/answer/question-frame.js';
import { normalizeForMatching } from '../../src/text/normalize-text.js';

const frameOf = (question: string) => questionFrame(normalizeForMatching(question));
const fitOf = (question: string, sentence: string): number => frameFit(normalizeForMatching(sentence), frameOf(question));

describe('questionFrame', () => {
  it('splits the question at its question word, without framing words or the copula before it', () => {
    expect(frameOf('请问这座大桥是哪一年建成的？')).toEqual({ before: '这座大桥', after: '建成的' });
    expect(frameOf('谁发明了电话？')).toEqual({ before: '', after: '发明了电话' });
    expect(frameOf('水库总库容是多少立方米呢？')).toEqual({ before: '水库总库容', after: '立方米' });
    // The measure word after 哪 belongs to it: the sentence names the thing (电影《候鸟》) without it.
    expect(frameOf('五月天为哪一部电影配乐？')).toEqual({ before: '五月天', after: '电影配乐' });
  });

  it('has no frame without a question word', () => {
    expect(frameOf('水库是否已经建成？')).toBeNull();
    expect(frameOf('How long is the bridge?')).toBeNull();
  });
});

describe('frameFit', () => {
  it('is highest where the sentence repeats both sides around a gap for the fact', () => {
    const question = '这座大桥是哪一年建成的？';
    expect(fitOf(question, '这座大桥于1998年建成通车。')).toBeGreaterThan(0.8);
    // The words are there, but with nothing between them: no fact stands where the question word does.
    expect(fitOf(question, '这座大桥建成以来，交通大为改善。')).toBeLessThan(fitOf(question, '这座大桥于1998年建成通车。'));
    expect(fitOf(question, '江上还有一座铁路桥。')).toBe(0);
  });

  it('reads one side alone when the fact stands before or after it', () => {
    expect(fitOf('谁发明了电话？', '贝尔发明了电话。')).toBe(1);
    // The sentence opens with the words: no one is named before them.
    expect(fitOf('谁发明了电话？', '发明了电话的人很多。')).toBeLessThan(1);
  });

  it('does not let the two sides stand far apart', () => {
    const question = '水库总库容是多少立方米？';
    expect(fitOf(question, '水库总库容为1.2亿立方米。')).toBe(1);
    expect(fitOf(question, '水库总库容这一指标在全省排名靠前，此外下游还建有一座容量为300立方米的蓄水池。')).toBeLessThan(1);
  });
});
