import type { RegisterCommand } from '../cli-context.js';
import { parseDateOption } from '../parse-date-option.js';
import { startProgress } from '../progress-bar.js';
import { formatQueueProgress } from '../../pipeline/embedding-queue/format-queue-progress.js';
import { readSources } from '../../pipeline/read-sources.js';
import { addIndexSummaries } from '../../pipeline/add-index-summaries.js';
import { streamJsonlFiles } from '../stream-jsonl-files.js';
import { removeStaleArticles } from '../../pipeline/remove-stale-articles.js';
import { fetchOptionsFromConfig } from '../../ingest/fetch/fetch-options.js';
import type { WriteLockHolder } from '../../store/hnsw/write-lock.js';
import type { QueueProgress } from '../../store/embedding-queue.js';

/** `newsbot ingest <path|url>...`: reads sources into the archive, incrementally. */
export const registerIngestCommand: RegisterCommand = (program, context) => {
  program
    .command('ingest')
    .description('add or update articles from files, folders (recursive), JSON/JSONL exports, HTML pages and RSS/Atom feed URLs')
    .argument('<sources...>', 'files, folders or http(s) URLs')
    .option('--date <YYYY-MM-DD>', 'publication date for sources that carry none')
    .option('--no-wait', 'PostgreSQL mode: return once the chunks are queued for embedding (`newsbot work --status` shows progress)')
    .option('--json', 'print one JSON object: { articles: { added, updated, unchanged, failed, removed }, chunks, errors, resumed, removedCharacters }')
    .action(async (sources: string[], options: { date?: string; json?: boolean; wait: boolean }) => {
      const date = parseDateOption(options.date);
      const archive = await context.openArchive({ reranker: false, writeOnly: true });
      const readProgress = startProgress(context.interactive, 'read ', sources.length);
      const read = await readSources(sources, {
        date,
        cwd: context.cwd,
        fetch: fetchOptionsFromConfig(archive.config.feeds),
        maxArticleChars: archive.config.maxArticleChars,
        onSourceRead: (done) => readProgress.update(done),
        streamJsonl: true,
      });
      readProgress.stop();
      // Storing and removing are one unit under the archive's write lock: a second ingest (or a
      // feed poll in `serve`) waits, then builds on what this one saved. Reading happens before.
      const store = async () => {
        const indexProgress = startProgress(context.interactive, 'index', read.articles.length);
        const onEmbeddingProgress = (progress: QueueProgress) => context.stderr(`newsbot: ${formatQueueProgress(progress)}\n`);
        let summary = await archive.indexArticles(read.articles, { onProgress: (done) => indexProgress.update(done), waitForEmbedding: options.wait, onEmbeddingProgress });
        indexProgress.stop();
        const articleIds = new Set(read.articles.map((article) => article.id));
        const completeSources = [...read.completeSources];
        // JSON Lines files stream through in bounded batches, each resuming at its checkpoint.
        const streamed = await streamJsonlFiles(read.jsonlFiles, {
          archive,
          date,
          interactive: context.interactive,
          waitForEmbedding: options.wait,
          onEmbeddingProgress,
          onResume: (source, line) => context.stderr(`newsbot: ${source}: lines 1–${line} were committed by an earlier run; resuming after them\n`),
        });
        for (const file of streamed) {
          summary = addIndexSummaries(summary, file.summary);
          read.errors.push(...file.errors);
          for (const kind of ['control', 'bidi', 'loneSurrogate'] as const) read.removedCharacters[kind] += file.removedCharacters[kind];
          for (const id of file.articleIds) articleIds.add(id);
          // Only a file read whole in this run knows every article it holds.
          if (file.errors.length === 0 && file.resumedFrom === null) completeSources.push(file.source);
        }
        const resumed = streamed.flatMap((file) => (file.resumedFrom ? [{ source: file.source, line: file.resumedFrom.line, byte: file.resumedFrom.offset }] : []));
        return { summary, resumed, removed: await removeStaleArticles(archive, { completeSources, articleIds }) };
      };
      const onWait = (holder: WriteLockHolder | null): void =>
        context.stderr(
          holder === null
            ? 'newsbot: waiting for another process writing the archive…\n'
            : holder.purpose === 'ingest'
              ? `newsbot: waiting for another ingest (pid ${holder.pid})…\n`
              : `newsbot: waiting for another process writing the archive (pid ${holder.pid}, ${holder.purpose})…\n`,
        );
      const { summary, resumed, removed } = archive.withWriteLock ? await archive.withWriteLock('ingest', store, { onWait }) : await store();
      const report = {
        articles: { added: summary.added, updated: summary.updated, unchanged: summary.unchanged, failed: read.errors.length, removed },
        chunks: summary.chunks,
        errors: read.errors,
        resumed,
        // What was taken out of the stored text (control characters, bidi overrides, lone surrogates), so it stays honest.
        removedCharacters: read.removedCharacters,
      };
      const { control, bidi, loneSurrogate } = read.removedCharacters;
      for (const error of read.errors) archive.logger.error({ source: error.source }, error.message);
      if (options.json) context.stdout(`${JSON.stringify(report)}\n`);
      else {
        context.stdout(
          `ingested: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${read.errors.length} failed, ${removed} removed; ${summary.chunks} chunks written\n` +
            (summary.jobs && !options.wait
              ? 'newsbot: the chunks wait in the embedding queue: `newsbot work` or any serve embeds them; `newsbot work --status` shows progress\n'
              : ''),
        );
        if (control + bidi + loneSurrogate > 0) {
          context.stdout(`removed from the stored text: ${control} control character(s), ${bidi} bidi override(s), ${loneSurrogate} lone surrogate(s)\n`);
        }
        for (const error of read.errors) context.stdout(`  ✗ ${error.source}: ${error.message}\n`);
      }
      if (read.errors.length > 0) context.setExitCode(1);
    });
};
