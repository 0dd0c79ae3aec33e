import type { Passage } from '../../../retrieval/passage.js';
import type { Messages } from '../i18n/messages.js';
import { escapeHtml } from '../../../telegram/escape-html.js';
import { shortenText } from '../../../telegram/shorten-text.js';
import { renderSourceLine } from './source-link.js';

export interface RenderPassagesOptions {
  /** Shows the fused retrieval score of each passage, and the reranker's when it ordered them (staff search). Default false. */
  showScores?: boolean;
  /** Characters of passage text shown per result. Default 160. */
  snippetCharacters?: number;
  /** Number of the first listed passage. Default 1. */
  firstNumber?: number;
}

/** Ranked passages as a numbered HTML list: source line (title, date), then a snippet. */
export function renderPassages(heading: string, passages: readonly Passage[], messages: Messages, options: RenderPassagesOptions = {}): string {
  const snippetCharacters = options.snippetCharacters ?? 160;
  const firstNumber = options.firstNumber ?? 1;
  const items = passages.map((passage, index) => {
    const rerank = typeof passage.rerankScore === 'number' ? ` · rerank ${passage.rerankScore.toFixed(2)}` : '';
    const score = options.showScores ? ` · ${passage.score.toFixed(4)}${rerank}` : '';
    return `${firstNumber + index}. ${renderSourceLine(passage, messages.undated)}${score}\n${escapeHtml(shortenText(passage.text, snippetCharacters))}`;
  });
  return [heading, '', items.join('\n\n')].join('\n');
}
