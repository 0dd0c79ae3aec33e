import type { FigureComparison, Verdict } from './check-result.js';

/** What an explanation is made from. */
export interface ExplanationInput {
  verdict: Verdict;
  comparisons: readonly FigureComparison[];
  /** For a claim without figures: the article that states it. */
  statementSource?: { title: string; date: string | null } | null;
}

const VERDICT_WORDS: Record<Verdict, string> = { supported: 'Supported', contradicted: 'Contradicted', not_found: 'Not found' };

/**
 * One line for people: the verdict, then each figure of the claim beside the archive's, with the article
 * title and date ("Contradicted: claim 702家 · archive 602家 in 《株洲位列…》 (2026-04-24)").
 */
export function explainVerdict(input: ExplanationInput): string {
  const head = VERDICT_WORDS[input.verdict];
  if (input.comparisons.length === 0) {
    if (input.verdict === 'supported' && input.statementSource) {
      return `${head}: the claim's words are all stated in ${source(input.statementSource.title, input.statementSource.date)}.`;
    }
    return `${head}: no published statement holds the claim's words together (claims without figures are only checked for support).`;
  }
  const parts = input.comparisons.map((comparison) =>
    comparison.archive === null || comparison.articleTitle === null
      ? `claim ${comparison.claim} · archive: nothing on this figure`
      : `claim ${comparison.claim} · archive ${comparison.archive}${comparison.matches ? '' : ' (differs)'} in ${source(comparison.articleTitle, comparison.date)}`,
  );
  return `${head}: ${parts.join('; ')}.`;
}

function source(title: string, date: string | null): string {
  return `《${title}》 (${date ?? 'date unknown'})`;
}
