import { stat } from 'node:fs/promises';
import type { Archive, IndexArticlesOptions } from '../pipeline/archive.js';
import { ingestJsonlFile, type IngestJsonlFileResult } from '../pipeline/ingest-jsonl-file.js';
import type { JsonlSourceFile } from '../pipeline/read-sources.js';
import { startProgress } from './progress-bar.js';

export interface StreamJsonlFilesOptions {
  archive: Archive;
  date: string | null;
  interactive: boolean;
  /** PostgreSQL mode: wait for the queued embedding jobs, and how they progress meanwhile (see `IndexArticlesOptions`). */
  waitForEmbedding: boolean;
  onEmbeddingProgress: IndexArticlesOptions['onEmbeddingProgress'];
  /** A file resumed at its checkpoint: `line` lines were committed by an earlier run. */
  onResume: (source: string, line: number) => void;
}

const MEBIBYTE = 1024 * 1024;

/** `newsbot ingest`'s JSON Lines files, streamed one after another under one progress bar (MiB read of all of them). */
export async function streamJsonlFiles(files: readonly JsonlSourceFile[], options: StreamJsonlFilesOptions): Promise<(IngestJsonlFileResult & { source: string })[]> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file.file).then(
        (stats) => stats.size,
        () => 0,
      ),
    ),
  );
  const progress = startProgress(options.interactive, 'read MiB', Math.ceil(sizes.reduce((sum, size) => sum + size, 0) / MEBIBYTE));
  const results: (IngestJsonlFileResult & { source: string })[] = [];
  let before = 0;
  try {
    for (const [index, file] of files.entries()) {
      const { archive } = options;
      const result = await ingestJsonlFile(
        {
          indexArticles: (articles, indexOptions) =>
            archive.indexArticles(articles, { ...indexOptions, waitForEmbedding: options.waitForEmbedding, onEmbeddingProgress: options.onEmbeddingProgress }),
          checkpoints: archive.state.ingestCheckpoints,
        },
        {
          source: file.source,
          file: file.file,
          date: options.date,
          maxArticleChars: archive.config.maxArticleChars,
          onBytesRead: (offset) => progress.update(Math.floor((before + offset) / MEBIBYTE)),
          onResume: (from) => options.onResume(file.source, from.line),
        },
      );
      results.push({ ...result, source: file.source });
      before += sizes[index] ?? 0;
    }
  } finally {
    progress.stop();
  }
  return results;
}
