// Numbers, dates and percentages a sentence states that its cited passages do not.
import { extractQuantities } from '../../text/numbers/extract-quantities.js';
import { compareQuantities } from '../../text/numbers/same-quantity.js';

const DIGIT_RUN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/**
 * Returns the quantities in `claim` (as written) that match no quantity of the `evidence` texts.
 * Matching goes through the fact-check number normalization (126万 = 1,260,000, 二〇二五年 = 2025年, 5% = 百分之五);
 * a claim the passage implies also passes (passage 4500个, claim 超过4000个), as does a date whose written parts agree.
 * A number written without a unit the extractor knows (an English answer's "8.6 km"), and any digit run the extractor
 * does not treat as a quantity, must appear with the same digits in a cited passage.
 */
export function findUnsupportedQuantities(claim: string, evidence: readonly string[]): string[] {
  const available = evidence.flatMap((text) => extractQuantities(text));
  const claimed = extractQuantities(claim);
  const digitsInEvidence = new Set(evidence.flatMap((text) => digitRuns(text)));
  const writtenInEvidence = (written: string) => digitRuns(written).every((digits) => digitsInEvidence.has(digits));
  const unsupported = claimed
    .filter((quantity) => !available.some((candidate) => compareQuantities(quantity, candidate) === 'same'))
    .filter((quantity) => !(quantity.kind === 'plain' && writtenInEvidence(quantity.raw)))
    .map((quantity) => quantity.raw);
  for (const match of claim.matchAll(DIGIT_RUN)) {
    const start = match.index;
    const covered = claimed.some((quantity) => quantity.start <= start && start < quantity.end);
    const digits = normalizeDigits(match[0]);
    if (!covered && !digitsInEvidence.has(digits)) unsupported.push(match[0]);
  }
  return unsupported;
}

function digitRuns(text: string): string[] {
  return [...text.matchAll(DIGIT_RUN)].map((match) => normalizeDigits(match[0]));
}

/** "1,800" → "1800", "03" → "3", "12.50" → "12.5". */
function normalizeDigits(written: string): string {
  return String(Number(written.replace(/,/g, '')));
}
