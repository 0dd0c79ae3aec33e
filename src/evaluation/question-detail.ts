import type { Passage } from '../retrieval/passage.js';

/** One line of `eval --details`: everything needed to study one question's outcome on its own. */
export interface QuestionDetail {
  question: string;
  /** The article (paragraph) the question was written about. */
  articleId: string;
  golds: string[];
  /** Whether the question's own passage was left out of the archive (`--held-out`): it should abstain. */
  heldOut: boolean;
  /** Set when the passage is in the archive but the sentences holding the gold were cut out of it (`leftOutFacts`). */
  factLeftOut?: boolean;
  /** Ranked passages, best first: article, fused score, whether the passage holds a gold answer, its start. */
  passages: { articleId: string; score: number; holdsGold: boolean; text: string }[];
  answered: boolean;
  answer: string;
  /** The answer text (citation markers removed) contains a gold answer. */
  containsGold: boolean;
}

/** Characters of each passage's text kept in a detail line: enough to recognise it. */
const PASSAGE_CHARS = 160;

/** The ranked passages of a {@link QuestionDetail}. */
export function detailPassages(passages: readonly Passage[], holdsGold: (text: string) => boolean): QuestionDetail['passages'] {
  return passages.map((passage) => ({
    articleId: passage.articleId,
    score: Number(passage.score.toFixed(5)),
    holdsGold: holdsGold(passage.text),
    text: passage.text.slice(0, PASSAGE_CHARS),
  }));
}
