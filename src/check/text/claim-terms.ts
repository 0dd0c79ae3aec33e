import { jieba } from '../../text/jieba/jieba.js';
import { foldForMatching } from '../../text/fold-for-matching.js';
import { MODIFIER_WORDS } from '../align/slot-modifiers.js';
import type { Quantity } from '../../text/numbers/quantity.js';
import { isClaimStopWord } from './claim-stop-words.js';
import { wordRarity } from '../../text/word-rarity.js';

/** A content word of a claim, weighted by how much it says. */
export interface ClaimTerm {
  /** Normalized for matching (simplified, half-width, lower case). */
  text: string;
  /** Rarity-based weight, 2 (common) to 12 (rare). */
  weight: number;
  /** Tagged as a place name (ns): a claim about 长沙 is not supported by an article about 株洲. */
  place: boolean;
  /** Tagged as a time word (t: 今年, 去年), which sets the scene rather than the slot. */
  time: boolean;
  /** Offsets in the claim. */
  start: number;
  end: number;
}

const WEIGHT_RANGE = { low: 2, high: 12 } as const;
const LATIN_WORD_WEIGHT = 6;

/**
 * The content words of `claim`, figures (their spans in `quantities`) left out, as do function words,
 * single characters and the slot modifiers (新增, 累计…) that `slotModifiers` reads instead.
 * Repeated words appear once.
 */
export function extractClaimTerms(claim: string, quantities: readonly Quantity[]): ClaimTerm[] {
  let masked = claim;
  for (const quantity of quantities) masked = masked.slice(0, quantity.start) + '，'.repeat(quantity.end - quantity.start) + masked.slice(quantity.end);
  const terms: ClaimTerm[] = [];
  let cursor = 0;
  for (const { word, tag } of jieba().tag(masked, true)) {
    const start = masked.indexOf(word, cursor);
    const end = start < 0 ? cursor : start + word.length;
    if (start >= 0) cursor = end;
    const text = foldForMatching(word.trim());
    if (!isContentWord(text) || terms.some((term) => term.text === text)) continue;
    const latin = /^[a-z0-9]+$/.test(text);
    const weight = latin ? LATIN_WORD_WEIGHT : Math.min(WEIGHT_RANGE.high, Math.max(WEIGHT_RANGE.low, wordRarity(text)));
    terms.push({ text, weight, place: tag === 'ns', time: tag === 't', start: Math.max(start, 0), end });
  }
  return terms;
}

function isContentWord(text: string): boolean {
  if ([...text].length < 2) return false;
  if (/^[\p{P}\p{S}\s\d.,]+$/u.test(text)) return false;
  if (/^[a-z]+$/.test(text) && text.length < 2) return false;
  return !isClaimStopWord(text) && !MODIFIER_WORDS.has(text);
}
