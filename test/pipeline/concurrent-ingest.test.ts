import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { makeArticle, openTestArchive } from '../helpers/open-test-archive.js';
import { PROJECT_ROOT, temporaryHome } from '../helpers/run-cli.js';
import { WRITE_LOCK_FILE } from '../../src/pipeline/archive-write-lock.js';
import { readWriteLockHolder, tryAcquireWriteLock } from '../../src/store/hnsw/write-lock.js';

interface ChildRun {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `newsbot <args>` as a real process on `home`; resolves when it exits. */
function startCli(args: string[], home: string, env: Record<string, string> = {}): { pid: number; done: Promise<ChildRun>; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/newsbot.js'), ...args], {
    env: { ...process.env, NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const done = new Promise<ChildRun>((resolve) => child.once('close', (code) => resolve({ pid: child.pid!, code, stdout, stderr })));
  return { pid: child.pid!, done, stderrSoFar: () => stderr };
}

/** Writes `count` JSONL records with ids `<prefix>-<n>` and a word unique to each file. */
function writeRecords(folder: string, prefix: string, word: string, count: number): string {
  const file = path.join(folder, `${prefix}.jsonl`);
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `${prefix}-${index}`,
      title: `${word}第${index}号：株洲第${index}个社区服务站启用`,
      body: `这是${word}第${index}篇报道。社区服务站提供${index % 97}项便民服务，${word}居民可以就近办理。`.repeat(6),
    }),
  );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Reads the saved files directly (no archive open, whose drift repair would hide lost vectors). */
function savedIndexMatchesDatabase(home: string): { labels: number; chunks: number; same: boolean } {
  const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(home, 'index', 'manifest.json'), 'utf8'));
    const index = openHnswVectorIndex({ dir: path.join(home, 'index'), embedderId: manifest.embedderId, dimensions: manifest.dimensions });
    const labels = new Set(index.ids());
    const chunks = store.allChunkIds();
    return { labels: labels.size, chunks: chunks.length, same: labels.size === chunks.length && chunks.every((id) => labels.has(id)) };
  } finally {
    store.close();
  }
}

describe('ingest beside other processes', () => {
  it('runs two ingests on one home at once: both finish, nothing lost from either', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-records-');
    const first = writeRecords(folder, 'east', '东湖', 1200);
    const second = writeRecords(folder, 'west', '西岭', 1200);

    const runs = await Promise.all([startCli(['ingest', first, '--json'], home), startCli(['ingest', second, '--json'], home)].map((run) => run.done));

    for (const run of runs) {
      expect(run.stderr).not.toMatch(/database is locked/);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).articles.added).toBe(1200);
    }
    // When their writes overlapped (usual, not certain on a loaded machine: the lock is taken for the writes only),
    // the one that waited said whom it waited for; waiting itself is asserted in the next test, with a held lock.
    const waited = runs.find((run) => /waiting for another ingest/.test(run.stderr));
    if (waited) expect(waited.stderr).toMatch(new RegExp(`waiting for another ingest \\(pid ${runs.find((run) => run !== waited)!.pid}\\)`));

    expect(savedIndexMatchesDatabase(home)).toMatchObject({ same: true });
    const archive = await openTestArchive(home);
    try {
      expect(archive.store.stats().articles).toBe(2400);
      for (const id of ['east-0', 'east-1199', 'west-0', 'west-1199']) expect(archive.store.getArticle(id)).not.toBeNull();
      expect(archive.index.count()).toBe(archive.store.allChunkIds().length);
      const east = await archive.retriever.search('东湖第777号', { k: 3 });
      const west = await archive.retriever.search('西岭第555号', { k: 3 });
      expect(east.map((passage) => passage.articleId)).toContain('east-777');
      expect(west.map((passage) => passage.articleId)).toContain('west-555');
    } finally {
      archive.close();
    }
  }, 60_000);

  it('an ingest waits while another writer holds the archive lock, and says whose it waits for', async () => {
    const home = temporaryHome();
    (await openTestArchive(home)).close();
    const file = writeRecords(temporaryHome('newsbot-records-'), 'queued', '中洲', 50);
    const lock = tryAcquireWriteLock(path.join(home, WRITE_LOCK_FILE), 'ingest');
    expect(lock).not.toBeNull();
    const ingest = startCli(['ingest', file, '--json'], home);
    let released = false;
    try {
      // It says it waits (however long a loaded machine takes to start it), and it cannot write while the lock is held.
      const deadline = Date.now() + 20_000;
      while (!ingest.stderrSoFar().includes('waiting for another ingest') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(readWriteLockHolder(path.join(home, WRITE_LOCK_FILE))?.pid).toBe(process.pid);
    } finally {
      lock!.release();
      released = true;
    }
    const run = await ingest.done;
    expect(released).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`waiting for another ingest \\(pid ${process.pid}\\)`));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).articles.added).toBe(50);
  }, 30_000);

  it('waits for a process holding a write transaction on the database instead of failing "database is locked"', async () => {
    const home = temporaryHome();
    (await openTestArchive(home)).close();
    const folder = temporaryHome('newsbot-records-');
    const file = writeRecords(folder, 'late', '南塘', 300);
    // Another connection writes and holds its transaction for 1.5 s, then commits.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const database = new Database(${JSON.stringify(path.join(home, 'newsbot.db'))});
         database.exec('BEGIN IMMEDIATE');
         database.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('holder', 'x')").run();
         process.stdout.write('locked\\n');
         setTimeout(() => { database.exec('COMMIT'); database.close(); process.stdout.write('committed\\n'); }, 1500);`,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let committedAt = Infinity;
    holder.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('committed')) committedAt = Date.now();
    });
    const holderClosed = new Promise((resolve) => holder.once('close', resolve));
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const run = await startCli(['ingest', file, '--json'], home).done;
    const finishedAt = Date.now();
    await holderClosed;
    // The ingest could only finish after the other transaction committed: it waited for it.
    expect(finishedAt).toBeGreaterThanOrEqual(committedAt);

    expect(run.stderr).not.toMatch(/locked/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).articles.added).toBe(300);
    expect(savedIndexMatchesDatabase(home)).toMatchObject({ chunks: expect.any(Number), same: true });
  }, 30_000);

  it('a reading archive (serve) searches the vectors an ingest process saved, and its own writes wait for the lock', async () => {
    const home = temporaryHome();
    const reader = await openTestArchive(home);
    try {
      await reader.indexArticles([makeArticle('old', '城市书房开放', ['株洲城市书房全部免费开放，每天开放到晚上九点。'])]);
      const folder = temporaryHome('newsbot-records-');
      const file = writeRecords(folder, 'north', '北湖', 1500);
      const ingest = startCli(['ingest', file, '--json'], home);
      // A feed poll in serve writing while the ingest runs.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const polled = await reader.indexArticles([makeArticle('feed', '新能源公交投运', ['首批60辆新能源公交车今天投入运营，覆盖12条线路。'])]);
      expect(polled.added).toBe(1);
      const run = await ingest.done;
      expect(run.code).toBe(0);

      // Without reopening: the reader follows the saved index, so vector search finds the new articles.
      expect(reader.index.count()).toBe(reader.store.allChunkIds().length);
      const [chunk] = reader.store.articleChunks('north-1234');
      const [vector] = await reader.embedder.embed([chunk!.text], 'passage');
      expect(reader.index.search(vector!, 1)[0]?.id).toBe(chunk!.id);
      expect(reader.store.getArticle('feed')).not.toBeNull();
    } finally {
      reader.close();
    }
    expect(savedIndexMatchesDatabase(home)).toMatchObject({ same: true });
  }, 60_000);
});
