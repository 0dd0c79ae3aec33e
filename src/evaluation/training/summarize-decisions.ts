import type { LeftOutReport } from '../run-held-out-eval.js';
import type { Decision } from './fit-answer-model.js';

/** A set's figures at one threshold, as `newsbot eval --held-out` reports them. */
export interface SetSummary {
  set: string;
  /** Questions whose passage is in the archive: share answered with the gold, share answered, mean answer length. */
  questions: number;
  containsGold: number;
  answered: number;
  meanChars: number;
  /** Questions whose passage was left out: share answered, and share answered without the gold (wrong). */
  heldOut: LeftOutReport;
  /**
   * Questions whose passage is in the archive with their fact cut out of it (`leftOutFacts`): the same figures.
   * Absent from reports written before stop 38.
   */
  factLeftOut?: LeftOutReport;
}

/** Each set's figures when the answer step answers at `threshold` confidence or above. */
export function summarizeDecisions(decisions: readonly Decision[], threshold: number): SetSummary[] {
  const sets = [...new Set(decisions.map((decision) => decision.set))];
  return sets.map((set) => {
    const ofSet = decisions.filter((decision) => decision.set === set);
    const present = ofSet.filter((decision) => !decision.heldOut && !decision.factLeftOut);
    const answered = present.filter((decision) => decision.confidence >= threshold);
    const share = (count: number, total: number): number => Number((count / Math.max(1, total)).toFixed(4));
    const leftOut = (absent: readonly Decision[]): LeftOutReport => {
      const absentAnswered = absent.filter((decision) => decision.confidence >= threshold);
      return {
        questions: absent.length,
        answered: share(absentAnswered.length, absent.length),
        wrong: share(absentAnswered.filter((decision) => !decision.gold).length, absent.length),
      };
    };
    return {
      set,
      questions: present.length,
      containsGold: share(answered.filter((decision) => decision.gold).length, present.length),
      answered: share(answered.length, present.length),
      meanChars: Number((answered.reduce((sum, decision) => sum + decision.chars, 0) / Math.max(1, answered.length)).toFixed(1)),
      heldOut: leftOut(ofSet.filter((decision) => decision.heldOut)),
      factLeftOut: leftOut(ofSet.filter((decision) => decision.factLeftOut)),
    };
  });
}
