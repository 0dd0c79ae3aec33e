/**
 * Writes of a local search replica: articles copied from the system of record (PostgreSQL) into
 * the SQLite archive, keeping PostgreSQL's chunk ids, together with the change-log position they
 * reach. Kept apart from `SqliteArticleStore`, whose own writes hand out local chunk ids.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { preparedPerDatabase } from './prepared-per-database.js';
import type { ReplicatedArticle, ReplicatedChunk } from '../article-change-reader.js';
import { SQLITE_UPSERT_ARTICLE, toArticleRow } from '../article-rows.js';
import { correctionValues, UPSERT_CORRECTION, UPSERT_REVISION } from '../correction-rows.js';
import { ftsDocument } from './fts-document.js';
import { TermFrequencyChanges } from './term-frequency-changes.js';

/** What one step of following the change log brings. */
export interface ReplicaBatch {
  /** Current state of changed articles. */
  articles: readonly ReplicatedArticle[];
  /** Articles no longer in the system of record (retracted). */
  removedArticleIds: readonly string[];
}

/** What the vector index must do to match. */
export interface AppliedReplicaBatch {
  /** Chunk ids deleted locally: remove these labels. */
  removedChunkIds: number[];
  /** Chunks inserted locally: add their vectors under their ids. */
  addedChunks: ReplicatedChunk[];
}

/** `meta` keys (the table comes with the archive's first migration). */
const POSITION_KEY = 'replica_position';
const LAST_INGEST_KEY = 'last_ingest_at';
const REPLICA_ID_KEY = 'replica_id';
/** Present while a snapshot is being copied in: the articles are then incomplete, whatever the position says. */
const BOOTSTRAP_KEY = 'replica_bootstrap_started_at';

/**
 * The replica's tables: what `applyReplicatedArticles` writes (the full-text index's shadow tables are named after
 * `chunks_fts`), and the only ones a replica seed ships with rows (`writeReplicaArchiveCopy`).
 */
export const REPLICA_TABLES: readonly string[] = ['articles', 'chunks', 'chunks_fts', 'article_corrections', 'article_revisions', 'term_frequencies', 'meta'];

/** The `meta` keys a replica seed keeps: what its articles reach; not the replica's own id, nor a copy under way. */
export const REPLICA_SEED_META_KEYS: readonly string[] = [POSITION_KEY, LAST_INGEST_KEY];

const statementsFor = preparedPerDatabase(prepareStatements);

/**
 * Applies a batch and records `position` in one SQLite transaction, so the position never claims
 * more (or less) than the articles hold. Chunks whose id is already stored are kept as they are:
 * the system of record never reuses a chunk id for other content, so replaying a change is cheap.
 */
export function applyReplicatedArticles(database: Database.Database, batch: ReplicaBatch, position: number): AppliedReplicaBatch {
  const statements = statementsFor(database);
  return database.transaction((): AppliedReplicaBatch => {
    const removedChunkIds: number[] = [];
    const addedChunks: ReplicatedChunk[] = [];
    const frequencies = new TermFrequencyChanges(database);
    const deleteChunk = (id: number): void => {
      const stored = statements.chunkText.get(id) as { heading: string; text: string } | undefined;
      if (stored) frequencies.removed(ftsDocument(stored.heading, stored.text));
      statements.deleteFts.run(id);
      statements.deleteChunk.run(id);
      removedChunkIds.push(id);
    };
    for (const articleId of batch.removedArticleIds) {
      for (const id of statements.chunkIdsOfArticle.all(articleId) as number[]) deleteChunk(id);
      statements.deleteArticle.run(articleId);
      statements.deleteCorrections.run(articleId);
      statements.deleteRevision.run(articleId);
    }
    let newestIngest: string | null = null;
    for (const { article, contentHash, ingestedAt, chunks, corrections, updatedOn } of batch.articles) {
      const wanted = new Set(chunks.map((chunk) => chunk.id));
      const held = new Set(statements.chunkIdsOfArticle.all(article.id) as number[]);
      for (const id of held) if (!wanted.has(id)) deleteChunk(id);
      statements.upsertArticle.run(toArticleRow(article, contentHash, ingestedAt));
      for (const chunk of chunks) {
        if (held.has(chunk.id)) continue;
        statements.insertChunk.run(chunk.id, article.id, article.date, chunk.ordinal, chunk.text, chunk.heading);
        const document = ftsDocument(chunk.heading, chunk.text);
        statements.insertFts.run(chunk.id, document.words, document.grams);
        frequencies.added(document);
        addedChunks.push(chunk);
      }
      // Its corrections as the system of record links them (a notice may have moved to another article).
      statements.deleteCorrections.run(article.id);
      for (const correction of corrections) statements.upsertCorrection.run(...correctionValues(correction));
      if (updatedOn === null) statements.deleteRevision.run(article.id);
      else statements.upsertRevision.run(article.id, updatedOn);
      if (newestIngest === null || ingestedAt > newestIngest) newestIngest = ingestedAt;
    }
    frequencies.flush();
    if (newestIngest !== null) statements.setMeta.run(LAST_INGEST_KEY, newestIngest);
    // Never backwards: a replayed batch must not make the replica forget later changes.
    statements.setMeta.run(POSITION_KEY, String(Math.max(position, readPosition(statements))));
    return { removedChunkIds, addedChunks };
  })();
}

/** The change-log position the replica holds (0 for a new or wiped replica). */
export function replicaPosition(database: Database.Database): number {
  return readPosition(statementsFor(database));
}

/** This replica's id in the system of record's `replica_positions`: random, made on first use and kept. */
export function replicaId(database: Database.Database): string {
  const statements = statementsFor(database);
  const held = statements.getMeta.get(REPLICA_ID_KEY) as string | undefined;
  if (held !== undefined) return held;
  const id = randomUUID();
  statements.setMeta.run(REPLICA_ID_KEY, id);
  return id;
}

/** Marks a snapshot copy as under way (see `replicaBootstrapPending`). */
export function beginReplicaBootstrap(database: Database.Database): void {
  statementsFor(database).setMeta.run(BOOTSTRAP_KEY, new Date().toISOString());
}

/** True when a snapshot copy was started and not finished (the process stopped midway): the replica must copy again. */
export function replicaBootstrapPending(database: Database.Database): boolean {
  return statementsFor(database).getMeta.get(BOOTSTRAP_KEY) !== undefined;
}

/**
 * Ends a snapshot copy: removes the articles the snapshot did not hold and records its position, in one transaction.
 */
export function finishReplicaBootstrap(database: Database.Database, removedArticleIds: readonly string[], position: number): AppliedReplicaBatch {
  return database.transaction(() => {
    const applied = applyReplicatedArticles(database, { articles: [], removedArticleIds }, position);
    statementsFor(database).deleteMeta.run(BOOTSTRAP_KEY);
    return applied;
  })();
}

/** Every article id the replica holds. */
export function replicaArticleIds(database: Database.Database): string[] {
  return statementsFor(database).allArticleIds.all() as string[];
}

/** Every chunk id the replica holds, ascending (for drift checks against the vector index). */
export function replicaChunkIds(database: Database.Database): number[] {
  return statementsFor(database).allChunkIds.all() as number[];
}

function readPosition(statements: ReturnType<typeof prepareStatements>): number {
  const value = statements.getMeta.get(POSITION_KEY) as string | undefined;
  return value === undefined ? 0 : Number(value);
}

function prepareStatements(database: Database.Database) {
  return {
    chunkIdsOfArticle: database.prepare('SELECT id FROM chunks WHERE article_id = ? ORDER BY ordinal').pluck(),
    allChunkIds: database.prepare('SELECT id FROM chunks ORDER BY id').pluck(),
    allArticleIds: database.prepare('SELECT id FROM articles').pluck(),
    chunkText: database.prepare('SELECT heading, text FROM chunks WHERE id = ?'),
    deleteFts: database.prepare('DELETE FROM chunks_fts WHERE rowid = ?'),
    deleteChunk: database.prepare('DELETE FROM chunks WHERE id = ?'),
    // ON DELETE CASCADE would remove chunks too, but not their FTS rows: those go first, above.
    deleteArticle: database.prepare('DELETE FROM articles WHERE id = ?'),
    upsertArticle: database.prepare(SQLITE_UPSERT_ARTICLE),
    insertChunk: database.prepare('INSERT INTO chunks (id, article_id, date, ordinal, text, heading) VALUES (?, ?, ?, ?, ?, ?)'),
    insertFts: database.prepare('INSERT INTO chunks_fts (rowid, words, grams) VALUES (?, ?, ?)'),
    deleteCorrections: database.prepare('DELETE FROM article_corrections WHERE article_id = ?'),
    upsertCorrection: database.prepare(UPSERT_CORRECTION),
    deleteRevision: database.prepare('DELETE FROM article_revisions WHERE article_id = ?'),
    upsertRevision: database.prepare(UPSERT_REVISION),
    getMeta: database.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    deleteMeta: database.prepare('DELETE FROM meta WHERE key = ?'),
    setMeta: database.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
