import type { EnglishIndex } from '../../text/bilingual/english-index.js';
import type { Retriever } from '../../retrieval/passage.js';
import type { Answerer, AnswerOptions, AnswerResult } from '../answer-result.js';
import { chooseTranslations } from './choose-translations.js';
import { englishLeadIn } from './english-lead-in.js';
import { englishSearchTerms } from './english-search-terms.js';
import { needsTranslation } from './needs-translation.js';

export interface CrossLingualAnswererOptions {
  /** Answers Chinese questions; receives the translated question. */
  inner: Answerer;
  /** For the first, wide search that chooses among a word's translations. */
  retriever: Retriever;
  /** Chunks holding each term (`ArticleStore.documentFrequencies`). */
  documentFrequencies: (terms: readonly string[]) => Map<string, number>;
  /** The English → Chinese index; asked for on the first non-Chinese question only, so Chinese-only use never loads it. */
  englishIndex: () => Promise<EnglishIndex>;
  /** Passages of the wide search (default 8). */
  probePassages?: number;
  /** Least share of the translated words the archive must hold to search at all (default 0.5). */
  minFoundShare?: number;
}

export const CROSS_LINGUAL_DEFAULTS = { probePassages: 8, minFoundShare: 0.5 } as const;

/**
 * Answers English (and other non-Chinese) questions about Chinese articles without a multilingual model:
 * the question's content words become Chinese search terms through CC-CEDICT (numbers and Latin names kept),
 * the inner answerer answers that Chinese question with the archive's sentences, and one English line says
 * where the answer comes from and what was searched. Chinese questions pass straight through. With a
 * multilingual embedder the original question is still tried when the translated one finds nothing.
 */
export class CrossLingualAnswerer implements Answerer {
  #index: Promise<EnglishIndex> | null = null;

  constructor(private readonly options: CrossLingualAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const { inner } = this.options;
    if (!needsTranslation(question)) return inner.answer(question, options);
    const language = options.language ?? 'en';
    const presence = new Map<string, boolean>();
    const inArchive = (term: string): boolean => {
      const known = presence.get(term);
      if (known !== undefined) return known;
      const present = (this.options.documentFrequencies([term]).get(term) ?? 0) > 0;
      presence.set(term, present);
      return present;
    };
    const terms = englishSearchTerms(question, await this.#englishIndex(), { inArchive });
    const translations = await chooseTranslations(terms, {
      documentFrequencies: this.options.documentFrequencies,
      search: (query) => this.options.retriever.search(query, { k: this.options.probePassages ?? CROSS_LINGUAL_DEFAULTS.probePassages }),
    });
    const found = translations.filter((translation) => translation.inArchive);
    const content = translations.filter((translation) => translation.kind !== 'number');
    const foundContent = found.filter((translation) => translation.kind !== 'number');
    // Dictionary senses are often not the archive's words (canteen: 饭堂, the page says 食堂), so a few misses are
    // dropped; when most of the question is missing, the archive does not hold its subject.
    if (foundContent.length === 0 || foundContent.length < content.length * this.#minFoundShare()) return inner.answer(question, { ...options, language });
    const chineseQuestion = `${found.map((translation) => translation.chinese).join(' ')}${terms.questionWord ?? ''}？`;
    const result = await inner.answer(chineseQuestion, { ...options, language, translated: true });
    if (!result.answered) {
      const direct = await inner.answer(question, { ...options, language });
      return direct.answered ? direct : result;
    }
    return { ...result, answer: `${englishLeadIn(found)}\n${result.answer}` };
  }

  #minFoundShare(): number {
    return this.options.minFoundShare ?? CROSS_LINGUAL_DEFAULTS.minFoundShare;
  }

  /** Loaded once per answerer; a failed load is retried by the next question. */
  #englishIndex(): Promise<EnglishIndex> {
    if (!this.#index) {
      this.#index = this.options.englishIndex();
      this.#index.catch(() => {
        this.#index = null;
      });
    }
    return this.#index;
  }
}
