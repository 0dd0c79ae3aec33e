import type { AnswerCandidate } from './answer-candidate.js';
import type { QuestionEvidence } from './answerability-features.js';

/** What the answer step weighed for one question, before deciding whether to answer (training and `eval --details`). */
export interface AnswerInspection {
  /** Candidates, best first by the choice model. */
  candidates: AnswerCandidate[];
  evidence: QuestionEvidence;
}
