import { loadSquad } from '../../src/evaluation/load-squad.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { normalizeForMatching } from '../../src/text/normalize-text.js';

/** How a passage stands against a question's gold answers. */
export type GoldMatch = 'answer' | 'varied copy' | 'none';

/**
 * Judges passages against a question's gold answers two ways. The bench's judge: the passage holds a gold answer's
 * text. And whether it is a copy of the gold sentence whose figures the corpus changed: the bench corpus rewrites about
 * half the figures of every copy of a passage, so a copy of the very sentence the question was written about may state
 * another number, which no search can tell from the question.
 */
export class GoldPassages {
  private readonly sentences = new Map<string, string[]>();

  /** The answer-bearing sentences of each question's own CMRC passage, folded and with every figure masked. */
  constructor(squadFile: string) {
    const squad = loadSquad(squadFile);
    const contexts = new Map(squad.articles.map((article) => [article.id, article.paragraphs.join('\n')]));
    for (const question of squad.questions) {
      const context = contexts.get(question.articleId) ?? '';
      const holding = splitSentences(context).filter((sentence) => question.answers.some((answer) => sentence.includes(answer)));
      this.sentences.set(question.question.trim(), holding.map(maskFigures));
    }
  }

  /** `answer` when the text holds a gold answer, `varied copy` when it holds a gold sentence only with other figures. */
  match(question: string, answers: readonly string[], text: string): GoldMatch {
    if (answers.some((answer) => text.includes(answer))) return 'answer';
    const masked = maskFigures(text);
    return (this.sentences.get(question.trim()) ?? []).some((sentence) => masked.includes(sentence)) ? 'varied copy' : 'none';
  }

  /** Whether the question's gold sentence could be found in its passage (else only the answer judge applies). */
  known(question: string): boolean {
    return (this.sentences.get(question.trim()) ?? []).length > 0;
  }
}

/** Folded text with every run of digits as `#`: two copies of a sentence differing only in figures compare equal. */
export function maskFigures(text: string): string {
  return normalizeForMatching(text).replace(/\d+/g, '#');
}
