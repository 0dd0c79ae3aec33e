// Hand-made passages (invented news text) and recording fakes for the LLM answerer tests.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { Answerer, AnswerResult } from '../../../src/answer/answer-result.js';
import type { Passage, Retriever } from '../../../src/retrieval/passage.js';

function passage(id: number, articleId: string, title: string, date: string, text: string): Passage {
  return {
    id,
    articleId,
    ordinal: 0,
    text,
    heading: title,
    title,
    subtitle: null,
    date,
    url: `https://news.example.cn/${articleId}`,
    source: 'test/fixtures.jsonl',
    score: 1 / id,
    keywordRank: id,
    vectorRank: id,
    similarity: null,
    bm25: null,
  };
}

/** Three passages; the answers in the tests cite them as [1] metro, [2] greenway, [3] schools. */
export const PASSAGES: Passage[] = [
  passage(1, 'metro-5-south', '地铁5号线南延段开通', '2024-06-28', '地铁5号线南延段于6月28日开通运营，全长8.6公里，设车站6座。开通首日客流达到12万人次。'),
  passage(2, 'greenway-2024', '城市绿道建设提速', '2024-04-03', '今年全市计划新建绿道120公里，其中“西湖环线”改造预计10月完工。'),
  passage(3, 'binjiang-schools', '滨江区新建三所小学', '2024-05-12', '滨江区教育局介绍，今年秋季将有3所新建小学投入使用，新增学位4500个，总投资约12亿元。'),
];

/** A retriever returning fixed passages and recording the queries. */
export function fakeRetriever(passages: Passage[] = PASSAGES): Retriever & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    search: async (query, options) => {
      queries.push(query);
      return passages.slice(0, options?.k ?? 5);
    },
  };
}

export const EXTRACTIVE_RESULT: AnswerResult = {
  answered: true,
  answer: '滨江区今年秋季将有3所新建小学投入使用。[1]',
  citations: [],
  mode: 'extractive',
};

/** A fallback answerer recording its questions. */
export function fakeFallback(): Answerer & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    answer: async (question) => {
      questions.push(question);
      return EXTRACTIVE_RESULT;
    },
  };
}

/** A pino logger writing JSON lines into `lines`. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
