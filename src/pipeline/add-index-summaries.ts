import type { IndexSummary } from './index-articles.js';

/** Two runs of `indexArticles` as one: counts added up, queued jobs spanning both. */
export function addIndexSummaries(left: IndexSummary, right: IndexSummary): IndexSummary {
  const sum: IndexSummary = {
    added: left.added + right.added,
    updated: left.updated + right.updated,
    unchanged: left.unchanged + right.unchanged,
    chunks: left.chunks + right.chunks,
  };
  if (left.jobs === undefined && right.jobs === undefined) return sum;
  const jobs = [left.jobs, right.jobs].filter((span) => span !== null && span !== undefined);
  return { ...sum, jobs: jobs.length === 0 ? null : { first: Math.min(...jobs.map((span) => span.first)), last: Math.max(...jobs.map((span) => span.last)) } };
}
