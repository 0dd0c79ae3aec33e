import type { StageTrace } from '../log/stage-trace.js';
import type { AnswerInspection } from './choice/answer-inspection.js';
import type { OtherStory } from './other-stories/other-story.js';
import type { DateRange } from '../store/article-store.js';

/** A source cited by an answer; `n` matches the `[n]` markers in the answer text. */
export interface Citation {
  n: number;
  articleId: string;
  title: string;
  date: string | null;
  url: string | null;
  source: string;
  /** The passage text the answer took its sentences from. */
  quote: string;
  /** The stored chunk of that passage: a source button opens exactly the passage quoted. */
  chunkId: number;
}

/** What produced an answer. */
export type AnswerMode = 'extractive' | 'llm' | 'pinned';

/** The `ask` contract of ARCHITECTURE.md, plus the mode that produced it. */
export interface AnswerResult {
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** What produced the answer: the archive (extractive, llm) or an editors' pinned answer (pinned). */
  mode: AnswerMode;
  /**
   * Other articles that fit the question as well as the one answered from but answer it differently (another
   * event of the same kind), named so the reader can ask about each; absent when there are none.
   */
  otherStories?: OtherStory[];
}

/** Anything that can answer a question from the archive. */
export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<AnswerResult>;
}

export interface AnswerOptions {
  language?: 'zh' | 'en';
  /**
   * The question's words are dictionary translations (an English question put into Chinese): one of them
   * missing from an article may be a synonym the dictionary chose, not a sign the article is about something else.
   */
  translated?: boolean;
  /** Receives the time of each stage of answering, retrieval's included (benches). */
  trace?: StageTrace;
  /** Receives the candidates and evidence the extractive step weighed, whether it answers or not (training). */
  inspect?: (inspection: AnswerInspection) => void;
  /** Answer from these articles only (a button asking about one story); default: the whole archive. */
  articleIds?: readonly string[];
  /** Articles to favour in retrieval, not a filter (a follow-up favours the previous answer's); default none. */
  preferArticleIds?: readonly string[];
  /** Answer from reports dated in this range only (a question naming a period); default: any date. */
  range?: DateRange;
  /** The moment "now" and relative periods are read against (tests, evaluation); default: the answerer's clock. */
  now?: Date;
}
