// The answerability model's view of the choice: how much of the choice model's probability the quoted sentences hold.
import { describe, expect, it } from 'vitest';
import { answerabilityFeatures, type RankedCandidate } from '../../../src/answer/choice/answerability-features.js';

// The sentenceIndex-th sentence of an article's passage (alone, or run on into the next one).
const candidate = (sentenceIndex: number, logit: number, runsOn = false, passageIndex = 0): RankedCandidate => ({
  sentence: { passageIndex },
  texts: runsOn ? [`s${sentenceIndex}`, `s${sentenceIndex + 1}`] : [`s${sentenceIndex}`],
  logit,
  features: runsOn ? { runsOn: 1 } : {},
});
// Two overlapping passages of one article.
const evidence = {
  distinctiveAbsent: 0,
  weightAbsent: 0,
  units: 2,
  passages: [
    { articleId: 'a', score: 1 },
    { articleId: 'a', score: 0.9 },
  ],
};
const shareOf = (ranked: RankedCandidate[], quoted?: RankedCandidate[]): number => answerabilityFeatures(ranked, evidence, quoted).choiceShare!;

describe('answerabilityFeatures: choiceShare', () => {
  it('is all of the probability when one sentence is a candidate, half when two fit alike', () => {
    expect(shareOf([candidate(0, 2)])).toBeCloseTo(1, 9);
    expect(shareOf([candidate(0, 2), candidate(1, 2)])).toBeCloseTo(0.5, 9);
  });

  it('counts each sentence once, by its best candidate (a pair and the sentence alone are one sentence)', () => {
    expect(shareOf([candidate(0, 3, true), candidate(0, 2), candidate(1, 3 - Math.log(3))])).toBeCloseTo(0.75, 9);
  });

  it('counts a sentence found again in the next passage once (passages of one article overlap)', () => {
    expect(shareOf([candidate(1, 2), candidate(1, 2, false, 1), candidate(2, 2)])).toBeCloseTo(0.5, 9);
    const repeated = [candidate(1, 2), candidate(2, 2), candidate(1, 2, false, 1)];
    expect(shareOf(repeated, [repeated[2]!])).toBeCloseTo(0.5, 9);
  });

  it('counts the runner-up the answer quotes after the best as the answer’s', () => {
    const ranked = [candidate(0, 2), candidate(1, 2), candidate(2, 2), candidate(3, 2)];
    expect(shareOf(ranked)).toBeCloseTo(0.25, 9);
    expect(shareOf(ranked, [ranked[0]!, ranked[2]!])).toBeCloseTo(0.5, 9);
  });

  it('counts the quoted sentence repeated word for word in another article (a reprint) as quoted', () => {
    const reprinted = { ...evidence, passages: [...evidence.passages, { articleId: 'b', score: 0.8 }] };
    const share = (ranked: RankedCandidate[]): number => answerabilityFeatures(ranked, reprinted).choiceShare!;
    // s0 in article a, s1 in article a, s0 again in article b: two of the three sentences say what the answer quotes.
    expect(share([candidate(0, 2), candidate(1, 2), candidate(0, 2, false, 2)])).toBeCloseTo(2 / 3, 9);
    // Another sentence of article b is not the quoted one.
    expect(share([candidate(0, 2), candidate(1, 2), candidate(5, 2, false, 2)])).toBeCloseTo(1 / 3, 9);
  });

  it('falls as more sentences fit nearly as well, as when the passage that answers is missing', () => {
    const clear = shareOf([candidate(0, 5), candidate(1, 1), candidate(2, 1)]);
    const crowded = shareOf([candidate(0, 5), candidate(1, 4.5), candidate(2, 4.5), candidate(3, 4.4)]);
    expect(clear).toBeGreaterThan(0.9);
    expect(crowded).toBeLessThan(0.4);
  });
});

describe('answerabilityFeatures: articleShare', () => {
  // Passages 0 and 1 are of article a, passage 2 of article b.
  const stories = { ...evidence, passages: [...evidence.passages, { articleId: 'b', score: 0.8 }] };
  const articleShareOf = (ranked: RankedCandidate[]): number => answerabilityFeatures(ranked, stories).articleShare!;

  it('is the share of the choice model’s probability the best candidate’s article holds', () => {
    expect(articleShareOf([candidate(0, 2), candidate(1, 2), candidate(2, 2, false, 2)])).toBeCloseTo(2 / 3, 9);
    expect(articleShareOf([candidate(0, 2), candidate(1, 2)])).toBeCloseTo(1, 9);
  });

  it('counts the best sentence repeated word for word in another article (a report reprinted) as the same story', () => {
    expect(articleShareOf([candidate(0, 2), candidate(1, 2), candidate(0, 2, false, 2)])).toBeCloseTo(1, 9);
  });

  it('falls when another story fits the question as well (the question does not say which it asks about)', () => {
    const oneStory = articleShareOf([candidate(0, 5), candidate(1, 3), candidate(0, 1, false, 2)]);
    const twoStories = articleShareOf([candidate(0, 5), candidate(1, 3), candidate(5, 4.9, false, 2), candidate(6, 3, false, 2)]);
    expect(oneStory).toBeGreaterThan(0.95);
    expect(twoStories).toBeLessThan(0.6);
  });
});
