import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/choice/compose-answer.js';

// A candidate quotes one sentence, or a sentence run on into the next (two texts).
const candidate = (passageIndex: number, texts: string[], logit: number, chars = 40) => ({
  sentence: { passageIndex },
  texts,
  features: { runsOn: texts.length > 1 ? 1 : 0 } as Record<string, number>,
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
    const ranked = [candidate(0, ['s2'], 1.0), candidate(1, ['s7'], 0.9)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.8 })).toHaveLength(2);
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.95 })).toHaveLength(1);
  });

  it('never quotes again a sentence the best candidate already runs on into, nor a run-on runner-up', () => {
    const ranked = [candidate(0, ['s2', 's3'], 1.0), candidate(0, ['s3'], 0.99), candidate(0, ['s1', 's2'], 0.98), candidate(1, ['s7'], 0.5)];
    const parts = composeAnswer(ranked, { ...options, runnerUpRatio: 0.5 });
    expect(parts.map((part) => part.texts)).toEqual([['s2', 's3'], ['s7']]);
  });

  it('never quotes a sentence of another article: that would tell two stories as one', () => {
    const ranked = [candidate(0, ['s0'], 1.0), candidate(2, ['t0'], 0.99), candidate(1, ['s4'], 0.2)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0.5 })).toHaveLength(1);
  });

  it('never quotes again a sentence the best quotes when the next passage repeats it (passages of one article overlap)', () => {
    expect(composeAnswer([candidate(0, ['s4'], 1.0), candidate(1, ['s4'], 0.99)], { ...options, runnerUpRatio: 0.5 })).toHaveLength(1);
    expect(composeAnswer([candidate(0, ['s4', 's5'], 1.0), candidate(1, ['s5'], 0.99)], { ...options, runnerUpRatio: 0.5 })).toHaveLength(1);
    expect(composeAnswer([candidate(0, ['s4'], 1.0), candidate(1, ['s5'], 0.99)], { ...options, runnerUpRatio: 0.5 })).toHaveLength(2);
  });

  it('keeps to the longest answer', () => {
    const ranked = [candidate(0, ['s0'], 1, 150), candidate(1, ['s7'], 1, 60)];
    expect(composeAnswer(ranked, { ...options, runnerUpRatio: 0 })).toHaveLength(1);
  });
});
