import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/article.js';
import type { Archive } from '../../src/pipeline/archive.js';
import { ingestJsonlFile, type IngestJsonlFileResult } from '../../src/pipeline/ingest-jsonl-file.js';
import { openTestArchive } from '../helpers/open-test-archive.js';
import { temporaryHome } from '../helpers/run-cli.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

const RECORDS = 60;
const line = (index: number, title = `第${index}号新闻`) => JSON.stringify({ id: `n${index}`, title, body: `株洲市今天发布了第${index}号通告，涉及湘江沿岸的${index}处工程。` });

/** Ingests `file` into `archive`, recording the articles the index was handed; `abortAfterCommits` stops it like a kill would. */
async function ingest(archive: Archive, file: string, abortAfterCommits?: number): Promise<{ result?: IngestJsonlFileResult; taken: string[]; firstByteRead: number }> {
  const taken: string[] = [];
  const abort = new AbortController();
  let commits = 0;
  let firstByteRead = -1;
  async function* recorded(articles: AsyncIterable<Article>): AsyncGenerator<Article> {
    for await (const article of articles) {
      taken.push(article.id);
      yield article;
    }
  }
  const run = ingestJsonlFile(
    {
      indexArticles: (articles, options) =>
        archive.indexArticles(recorded(articles), {
          ...options,
          signal: abort.signal,
          onCommitted: async (processed) => {
            await options.onCommitted?.(processed);
            if (++commits === abortAfterCommits) abort.abort(new Error('killed'));
          },
        }),
      checkpoints: archive.state.ingestCheckpoints,
    },
    { source: 'export.jsonl', file, date: null, read: { highWaterMark: 64 }, onBytesRead: (offset) => (firstByteRead = firstByteRead < 0 ? offset : firstByteRead) },
  );
  if (abortAfterCommits === undefined) return { result: await run, taken, firstByteRead };
  await expect(run).rejects.toThrow('killed');
  return { taken, firstByteRead };
}

describe('ingestJsonlFile', () => {
  it('resumes an interrupted ingest after its last committed batch, without reading the committed lines again', async () => {
    const home = temporaryHome();
    homes.push(home);
    const file = path.join(home, 'export.jsonl');
    fs.writeFileSync(file, `${Array.from({ length: RECORDS }, (_, index) => line(index + 1)).join('\n')}\n`);
    const archive = await openTestArchive(home);
    try {
      // The first batch (16 one-chunk articles) commits, then the run is stopped before the next one.
      await ingest(archive, file, 1);
      expect(archive.store.articleHash('n16')).not.toBeNull();
      expect(archive.store.articleHash('n17')).toBeNull();

      const resumed = await ingest(archive, file);
      expect(resumed.result!.resumedFrom).toMatchObject({ line: 16, records: 16 });
      expect(resumed.taken).toEqual(Array.from({ length: RECORDS - 16 }, (_, index) => `n${index + 17}`));
      expect(resumed.firstByteRead).toBeGreaterThan(resumed.result!.resumedFrom!.offset);
      expect(resumed.result!.summary).toMatchObject({ added: RECORDS - 16, unchanged: 0 });
      for (let index = 1; index <= RECORDS; index += 1) expect(archive.store.articleHash(`n${index}`)).not.toBeNull();

      // The same command again reads nothing: the checkpoint is at the end of the file.
      const again = await ingest(archive, file);
      expect(again.taken).toEqual([]);
      expect(again.result!.resumedFrom!.offset).toBe(fs.statSync(file).size);
    } finally {
      archive.close();
    }
  });

  it('starts over when the file changed since its checkpoint', async () => {
    const home = temporaryHome();
    homes.push(home);
    const file = path.join(home, 'export.jsonl');
    const lines = Array.from({ length: 20 }, (_, index) => line(index + 1));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const archive = await openTestArchive(home);
    try {
      await ingest(archive, file);
      lines[4] = line(5, '改过的标题');
      fs.writeFileSync(file, `${lines.join('\n')}\n`);

      const changed = await ingest(archive, file);
      expect(changed.result!.resumedFrom).toBeNull();
      expect(changed.taken).toHaveLength(20);
      expect(changed.result!.summary).toMatchObject({ added: 0, updated: 1, unchanged: 19 });
    } finally {
      archive.close();
    }
  });
});
