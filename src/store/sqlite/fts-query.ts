import { searchTokens } from '../../text/keywords/search-tokens.js';

/** One query term and the `chunks_fts` column it is looked up in. */
export interface QueryTerm {
  text: string;
  column: 'words' | 'grams';
}

/** The distinct terms of a question, segmented like the documents (`searchTokens`). */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (text: string, column: QueryTerm['column']): void => {
    const key = `${column}:${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ text, column });
  };
  const tokens = searchTokens(query);
  for (const word of tokens.words) add(word, 'words');
  for (const gram of tokens.grams) add(gram, 'grams');
  return terms;
}

/**
 * An FTS5 MATCH expression that ORs the terms, each quoted (so no term is read as syntax)
 * and restricted to its column: `words : ("北京" OR "大学") OR grams : ("北京" OR "京大")`.
 * Null when there is no term.
 */
export function buildFtsMatch(terms: readonly QueryTerm[]): string | null {
  const groups: string[] = [];
  for (const column of ['words', 'grams'] as const) {
    const quoted = terms.filter((term) => term.column === column).map((term) => quoteFtsString(term.text));
    if (quoted.length > 0) groups.push(`${column} : (${quoted.join(' OR ')})`);
  }
  return groups.length > 0 ? groups.join(' OR ') : null;
}

/** An FTS5 string literal: double quotes, inner quotes doubled. */
export function quoteFtsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
