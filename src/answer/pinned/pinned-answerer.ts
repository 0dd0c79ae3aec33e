import type { StoredChunk } from '../../store/article-store.js';
import type { Answerer, AnswerOptions, AnswerResult } from '../answer-result.js';
import { citationFromChunk } from '../citation-from-chunk.js';
import { questionLanguage } from '../llm/question-language.js';
import type { PinMatcher } from './pin-matcher.js';
import { tracedAsync } from '../../log/stage-trace.js';

export interface PinnedAnswererOptions {
  inner: Answerer;
  matcher: PinMatcher;
  /** The first passage of a pin's article, to cite it; undefined when the article is gone. */
  firstChunkOf: (articleId: string) => StoredChunk | undefined;
}

/** How an editors' answer is marked, in the reader's language. */
const LABELS = { zh: '编辑部答复：', en: "Editors' answer: " } as const;

/**
 * Answers with the editors' pinned answer when the question asks what a pin answers (matched by `PinMatcher`),
 * marked as theirs and citing the pin's article; otherwise the archive answers (`inner`). Questions about one story
 * (`articleIds`) are the archive's: a button asking about a report wants that report.
 */
export class PinnedAnswerer implements Answerer {
  constructor(private readonly options: PinnedAnswererOptions) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const match = options.articleIds ? null : await tracedAsync(options.trace, 'match pins', () => this.options.matcher.match(question));
    if (match === null) return this.options.inner.answer(question, options);
    const { pin } = match;
    const chunk = pin.articleId === null ? undefined : this.options.firstChunkOf(pin.articleId);
    // The matcher checked the article exists; removed meanwhile, the pin is not served.
    if (pin.articleId !== null && chunk === undefined) return this.options.inner.answer(question, options);
    const citations = chunk ? [citationFromChunk(1, chunk)] : [];
    const label = LABELS[options.language ?? questionLanguage(question)];
    return { answered: true, answer: `${label}${pin.answer}${chunk ? '[1]' : ''}`, citations, mode: 'pinned' };
  }
}
