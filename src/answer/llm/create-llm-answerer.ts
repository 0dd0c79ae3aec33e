// Generative answers from an OpenAI-compatible server; anything unverifiable falls back to the extractive answerer.
import type { Config } from '../../config/config.js';
import type { Passage, Retriever } from '../../retrieval/passage.js';
import { redactSecrets, type Logger } from '../../log/logger.js';
import type { Answerer, AnswerResult, Citation } from '../answer-result.js';
import { buildPrompt, isNotFoundReply, passageEvidence } from './build-prompt.js';
import { createChatCompletionsClient } from './chat-completions-client.js';
import { LLM_DEFAULTS } from './llm-defaults.js';
import { LlmError } from './llm-error.js';
import { questionLanguage } from './question-language.js';
import { renumberCitations } from './renumber-citations.js';
import { verifyLlmAnswer } from './verify-llm-answer.js';
import { searchScope } from '../search-scope.js';
import { citationFromPassage } from '../citation-from-passage.js';

export interface LlmAnswererOptions {
  llm: NonNullable<Config['llm']>;
  retriever: Retriever;
  /** The extractive answerer, used whenever the model fails or its answer does not survive verification. */
  fallback: Answerer;
  logger: Logger;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Passages given to the model; default {@link LLM_DEFAULTS.passages}. */
  passages?: number;
  /** Share of the reply that must survive verification; default {@link LLM_DEFAULTS.minKeptShare}. */
  minKeptShare?: number;
  /** Shown when the model says the passages do not answer. */
  notFoundText?: { zh: string; en: string };
}

type AnswerOptions = Parameters<Answerer['answer']>[1];

/** An {@link Answerer} that can also report the verified part of the answer while the model is still writing. */
export interface LlmAnswerer extends Answerer {
  /**
   * Like `answer`, but streams: `onPartial` receives the verified, renumbered text so far each time a sentence
   * completes (so a bot can edit one message). The final result may differ (it can be the extractive fallback).
   */
  answerStreaming(question: string, onPartial: (verifiedText: string) => void, options?: AnswerOptions): Promise<AnswerResult>;
}

const NOT_FOUND_TEXT = {
  zh: '报纸的文章里没有找到能回答这个问题的内容。',
  en: 'The newspaper’s articles I found do not answer this question.',
};

/**
 * Creates the generative answerer: retrieve passages, ask the model for a cited answer, keep only sentences whose
 * citations, numbers and names check out against the passages they cite, and renumber the citations to the sources used.
 * Timeouts, HTTP errors, rate limits, empty or malformed output and answers that lose their substance in verification
 * all give the fallback's answer; the reason is logged, never the API key.
 */
export function createLlmAnswerer(options: LlmAnswererOptions): LlmAnswerer {
  const { llm, retriever, fallback, logger } = options;
  if (!llm.baseUrl || !llm.model) throw new Error('LLM answers need both LLM_BASE_URL and LLM_MODEL; unset both for extractive answers');
  const client = createChatCompletionsClient({ baseUrl: llm.baseUrl, apiKey: llm.apiKey, model: llm.model, timeoutMs: llm.timeoutMs, fetch: options.fetch });
  const passageCount = options.passages ?? LLM_DEFAULTS.passages;
  const minKeptShare = options.minKeptShare ?? LLM_DEFAULTS.minKeptShare;
  const notFoundText = options.notFoundText ?? NOT_FOUND_TEXT;
  /** Everything logged goes through this: a server or model can echo the key back. */
  const redact = (text: string) => redactSecrets(text, [llm.apiKey]);

  async function generate(question: string, answerOptions: AnswerOptions, onPartial: ((text: string) => void) | null): Promise<AnswerResult> {
    const useFallback = (reason: string, details: Record<string, unknown> = {}): Promise<AnswerResult> => {
      logger.warn({ ...details, reason: redact(reason) }, 'LLM answer not used; answering extractively');
      return fallback.answer(question, answerOptions);
    };
    let passages: Passage[];
    try {
      passages = await retriever.search(question, { ...searchScope(answerOptions ?? {}), k: passageCount });
    } catch (error) {
      return useFallback(`retrieval failed: ${String(error)}`);
    }
    if (passages.length === 0) return fallback.answer(question, answerOptions);

    const language = answerOptions?.language ?? questionLanguage(question);
    const messages = buildPrompt({ question, passages, language });
    const evidence = passages.map(passageEvidence);
    let reply: string;
    try {
      reply = onPartial ? await client.stream(messages, partialReporter(evidence, onPartial, logger, redact)) : await client.complete(messages);
    } catch (error) {
      if (error instanceof LlmError) return useFallback(error.message, { kind: error.kind, status: error.status });
      return useFallback(String(error));
    }
    if (isNotFoundReply(reply)) return { answered: false, answer: notFoundText[language], citations: [], mode: 'llm' };

    const verified = verifyLlmAnswer(reply, evidence);
    for (const check of verified.checks) {
      if (check.dropped)
        logger.info(
          { reason: check.dropped.reason, detail: redact(check.dropped.detail), sentence: redact(check.sentence.text) },
          'dropped an unverified sentence from the LLM answer',
        );
    }
    if (verified.text === '' || verified.keptShare < minKeptShare) {
      return useFallback(`only ${Math.round(verified.keptShare * 100)}% of the model's answer could be verified against the passages`, { kind: 'verification' });
    }
    const renumbered = renumberCitations(verified.text);
    const citations = renumbered.sources.map((original, index) => toCitation(passages[original - 1], index + 1));
    return { answered: true, answer: renumbered.text, citations: citations.filter((citation) => citation !== null), mode: 'llm' };
  }

  return {
    answer: (question, answerOptions) => generate(question, answerOptions, null),
    answerStreaming: (question, onPartial, answerOptions) => generate(question, answerOptions, onPartial),
  };
}

/** Reports the verified text whenever another sentence completes; a failing callback (e.g. a Telegram edit) is only logged. */
function partialReporter(evidence: readonly string[], onPartial: (text: string) => void, logger: Logger, redact: (text: string) => string): (textSoFar: string) => void {
  let boundaries = 0;
  let reported = '';
  return (textSoFar) => {
    const boundariesNow = textSoFar.match(/[。！？!?\n]|\.\s/g)?.length ?? 0;
    if (boundariesNow === boundaries) return;
    boundaries = boundariesNow;
    const text = renumberCitations(verifyLlmAnswer(textSoFar, evidence, { partial: true }).text).text;
    if (text === '' || text === reported) return;
    reported = text;
    try {
      onPartial(text);
    } catch (error) {
      logger.debug({ reason: redact(String(error)) }, 'progress callback failed');
    }
  };
}

function toCitation(passage: Passage | undefined, n: number): Citation | null {
  return passage ? citationFromPassage(n, passage) : null;
}
