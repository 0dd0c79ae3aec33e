import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/choice/compose-answer.js';

const candidate = (passageIndex: number, sentenceIndex: number, logit: number, runsOn = false, chars = 40) => ({
  sentence: { passageIndex, sentenceIndex },
  features: { runsOn: runsOn ? 1 : 0 } as Record<string, number>,
  logit,
  chars,
});
const options = {
  maxChars: 200,
  charsOf: (entry: { chars: number }) => entry.chars,
  briefCharsOf: (entry: { chars: number }) => entry.chars,
  articleOf: (entry: { sentence: { passageIndex: number } }) => (entry.sentence.passageIndex < 2 ? 'a' : 'b'),
};

describe('composeAnswer', () => {
  it('quotes a runner-up when the choice model finds it nearly as likely as the best', () => {
    const ranked = [candidate(0, 2, 1.0), candidate(1, 0, 0.9)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.8 })).toHaveLength(2);
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.95 })).toHaveLength(1);
  });

  it('never quotes again a sentence the best candidate already runs on into, nor a run-on runner-up', () => {
    const ranked = [candidate(0, 2, 1.0, true), candidate(0, 3, 0.99), candidate(0, 1, 0.98, true), candidate(1, 0, 0.5)];
    const parts = composeAnswer(ranked, { ...options, runnerUpRatio: 0.5 });
    expect(parts.map((part) => part.sentence)).toEqual([
      { passageIndex: 0, sentenceIndex: 2 },
      { passageIndex: 1, sentenceIndex: 0 },
    ]);
  });

  it('never quotes a sentence of another article: that would tell two stories as one', () => {
    const ranked = [candidate(0, 0, 1.0), candidate(2, 0, 0.99), candidate(1, 4, 0.2)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.5 })).toHaveLength(1);
  });

  it('quotes the best alone when the runner-up repeats it (one sentence in two overlapping passages)', () => {
    const ranked = [candidate(0, 4, 1.0), candidate(1, 0, 0.99)];
    const sameSentence = (runnerUp: { sentence: { passageIndex: number } }) => runnerUp.sentence.passageIndex === 1;
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.5, repeats: sameSentence })).toHaveLength(1);
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.5, repeats: () => false })).toHaveLength(2);
  });

  it('keeps to the longest answer', () => {
    const ranked = [candidate(0, 0, 1, false, 150), candidate(1, 0, 1, false, 60)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0 })).toHaveLength(1);
  });
});
