import { findUnsupportedNames } from './find-unsupported-names.js';
import { findUnsupportedQuantities } from './find-unsupported-quantities.js';
import { splitAnswerSentences, type AnswerSentence } from './split-answer-sentences.js';

/** Why a sentence was dropped. */
export type DroppedSentenceReason = 'no_citation' | 'unknown_passage' | 'quantity_not_in_source' | 'name_not_in_source';

/** The verdict on one sentence of the reply. */
export interface SentenceCheck {
  sentence: AnswerSentence;
  /** Null when the sentence is kept. */
  dropped: { reason: DroppedSentenceReason; detail: string } | null;
}

export interface VerifyLlmAnswerResult {
  /** The kept sentences rejoined (line breaks kept), citations still numbered as in the prompt. */
  text: string;
  checks: SentenceCheck[];
  /** Share of the reply's claim characters that survived, 0..1 (0 when the reply had no sentences). */
  keptShare: number;
}

export interface VerifyLlmAnswerOptions {
  /** The reply is still streaming: its last sentence may be incomplete and is left out. */
  partial?: boolean;
}

/**
 * Checks a model reply sentence by sentence against the passages it was given (`evidence[n - 1]` is passage `[n]`
 * as the model saw it). A sentence is kept only when it cites at least one passage, cites no passage that was not given,
 * and every number, date, percentage and checkable name in it appears in one of the passages it cites.
 */
export function verifyLlmAnswer(reply: string, evidence: readonly string[], options: VerifyLlmAnswerOptions = {}): VerifyLlmAnswerResult {
  const sentences = splitAnswerSentences(reply);
  if (options.partial) sentences.pop();
  const checks = sentences.map((sentence) => ({ sentence, dropped: checkSentence(sentence, evidence) }));
  const kept = checks.filter((check) => check.dropped === null).map((check) => check.sentence);
  const totalLength = checks.reduce((sum, check) => sum + check.sentence.claim.length, 0);
  const keptLength = kept.reduce((sum, sentence) => sum + sentence.claim.length, 0);
  return { text: joinSentences(kept), checks, keptShare: totalLength === 0 ? 0 : keptLength / totalLength };
}

function checkSentence(sentence: AnswerSentence, evidence: readonly string[]): SentenceCheck['dropped'] {
  if (sentence.citations.length === 0) return { reason: 'no_citation', detail: 'cites no passage' };
  const unknown = sentence.citations.filter((n) => n < 1 || n > evidence.length);
  if (unknown.length > 0) {
    return { reason: 'unknown_passage', detail: `cites [${unknown.join('], [')}] but only ${evidence.length} passages were given` };
  }
  const cited = sentence.citations.map((n) => evidence[n - 1] ?? '');
  const quantities = findUnsupportedQuantities(sentence.claim, cited);
  if (quantities.length > 0) return { reason: 'quantity_not_in_source', detail: `not in the cited passages: ${quantities.join(', ')}` };
  const names = findUnsupportedNames(sentence.claim, cited);
  if (names.length > 0) return { reason: 'name_not_in_source', detail: `not in the cited passages: ${names.join(', ')}` };
  return null;
}

/** Rejoins sentences: no space after Chinese punctuation, one space otherwise, line breaks where the reply had them. */
function joinSentences(sentences: readonly AnswerSentence[]): string {
  let text = '';
  let previous: AnswerSentence | null = null;
  for (const sentence of sentences) {
    if (previous) text += previous.line !== sentence.line ? '\n' : /[\p{Script=Han}。！？；：，、」』）》”]\s*(?:\[\d+\])*$/u.test(previous.text) ? '' : ' ';
    text += sentence.text;
    previous = sentence;
  }
  return text;
}
