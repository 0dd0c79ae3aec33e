// The ranked pass of the keyword search alone, for a CPU profile, on an archive kept by the budget fit:
//   npm run bench:build && perf record -g node bench/dist/bench/keyword-scale/run-ranked-queries-cli.js --kept DIR --size 1000000 --ranker fts5
//   perf report --children --sort symbol -g none
// Each of newsbot bench's search questions' rare terms (as the store chooses them) ranked `--rounds` times, by FTS5's
// bm25() (`fts5`) or by the postings ranker (`postings`); prints the mean milliseconds per query.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { keywordBudget } from '../../src/store/sqlite/keyword-budget.js';
import { buildFtsMatch, queryTerms } from '../../src/store/sqlite/fts-query.js';
import { selectQueryTerms, splitRankedTerms } from '../../src/store/sqlite/select-query-terms.js';
import { Bm25PostingsRanker } from '../../src/store/sqlite/bm25-postings-ranker.js';
import { KEPT_ARCHIVES_FILE, type KeptArchives } from '../keyword-budget/run-keyword-budget.js';

const { values } = parseArgs({
  options: { kept: { type: 'string' }, size: { type: 'string' }, ranker: { type: 'string' }, rounds: { type: 'string' }, help: { type: 'boolean' } },
});
const usage = 'usage: node bench/dist/bench/keyword-scale/run-ranked-queries-cli.js --kept DIR --size 1000000 --ranker fts5|postings [--rounds 3]';
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const size = Number(values.size);
const rounds = Number(values.rounds ?? 3);
if (!values.kept || !Number.isFinite(size) || (values.ranker !== 'fts5' && values.ranker !== 'postings') || !(rounds > 0)) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const kept = JSON.parse(fs.readFileSync(path.join(values.kept, KEPT_ARCHIVES_FILE), 'utf8')) as KeptArchives;
const archive = kept.archives.find((entry) => Math.abs(entry.chunks - size) / size < 0.05);
if (!archive) {
  process.stderr.write(`no kept archive of about ${size} chunks in ${values.kept}\n`);
  process.exit(2);
}
const store = openSqliteArticleStore(archive.database);
const count = (term: string): number => store.documentFrequencies([term]).get(term) ?? 0;
const budget = keywordBudget(store.stats().chunks);
const rankedTerms = kept.benchQuestions
  .map((question) => splitRankedTerms(selectQueryTerms(queryTerms(question), { documentFrequency: count, maxPostings: budget.maxPostings }), count, budget.rankedPostings).ranked)
  .filter((terms) => terms.length > 0);
const fts5 = store.database.prepare('SELECT rowid, bm25(chunks_fts, 1.0, 1.0) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT 50');
const postings = new Bm25PostingsRanker(store.database, { words: 1, grams: 1 });
// The chunk lengths are read on the first ranking: not timed.
postings.rank(rankedTerms[0] ?? [], 50);
const started = performance.now();
for (let round = 0; round < rounds; round += 1) {
  for (const terms of rankedTerms) {
    if (values.ranker === 'fts5') fts5.all(buildFtsMatch(terms));
    else postings.rank(terms, 50) ?? fts5.all(buildFtsMatch(terms));
  }
}
process.stdout.write(`${values.ranker}: ${((performance.now() - started) / (rounds * rankedTerms.length)).toFixed(3)} ms a query (${rankedTerms.length} queries × ${rounds})\n`);
store.close();
