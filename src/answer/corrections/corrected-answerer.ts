import type { StoredChunk } from '../../store/article-store.js';
import type { ArticleCorrection } from '../../store/correction-store.js';
import type { Answerer, AnswerOptions, AnswerResult, Citation } from '../answer-result.js';
import { citationFromChunk } from '../citation-from-chunk.js';

export interface CorrectedAnswererOptions {
  inner: Answerer;
  /** The printed corrections of an article (`CorrectionStore.correctionsOf`). */
  correctionsOf: (articleId: string) => readonly ArticleCorrection[];
  /** The notice's first passage, to cite it. */
  firstChunkOf: (articleId: string) => StoredChunk | undefined;
}

/** The figure a statement ends in (56万吨 of 日污水处理能力达到56万吨). */
const FIGURE = /\d[\d,.]*\s*[^\d\s,.，。；;、）)]{0,2}$/;

/**
 * Answers with what printed corrections say instead of what they correct: a statement (or its figure) that a notice
 * linked to a cited article corrects is replaced by the corrected one, and the notice is cited after it ("（2026年8月3日
 * 更正[2]）"), so a wrong figure is never given as the answer.
 */
export class CorrectedAnswerer implements Answerer {
  constructor(private readonly options: CorrectedAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const result = await this.options.inner.answer(question, options);
    if (!result.answered) return result;
    let answer = result.answer;
    const citations: Citation[] = [...result.citations];
    for (const citation of result.citations) {
      for (const correction of this.options.correctionsOf(citation.articleId)) {
        const replaced = applyCorrection(answer, correction);
        if (replaced === answer) continue;
        const notice = this.options.firstChunkOf(correction.correctionId);
        if (!notice) continue;
        const n = citations.length + 1;
        citations.push(citationFromChunk(n, notice));
        answer = `${replaced}（${noticeDate(correction.correctedOn)}更正[${n}]）`;
      }
    }
    return answer === result.answer ? result : { ...result, answer, citations };
  }
}

/** The answer with the corrected statement, or its corrected figure, in place of the printed one. */
function applyCorrection(answer: string, correction: ArticleCorrection): string {
  const { wrong, corrected } = correction;
  if (!wrong || !corrected) return answer;
  if (answer.includes(wrong)) return answer.split(wrong).join(corrected);
  const wrongFigure = FIGURE.exec(wrong)?.[0];
  const rightFigure = FIGURE.exec(corrected)?.[0];
  return wrongFigure && rightFigure && answer.includes(wrongFigure) ? answer.split(wrongFigure).join(rightFigure) : answer;
}

function noticeDate(isoDate: string | null): string {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : '';
}
