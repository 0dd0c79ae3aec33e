import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../../src/store/sqlite/open-state-stores.js';
import { runMigrations } from '../../../src/store/sqlite/run-migrations.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('state tables in the migrations', () => {
  it('upgrades a database whose digest tables were created outside the migrations, keeping their rows', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-migrations-'));
    folders.push(folder);
    const file = path.join(folder, 'newsbot.db');
    // What an older newsbot left: schema version 1, plus the digest tables made on first use.
    const old = new Database(file);
    runMigrations(
      old,
      MIGRATIONS.filter((migration) => migration.version === 1),
    );
    old.exec(`
      CREATE TABLE IF NOT EXISTS subscriptions (chat_id TEXT PRIMARY KEY, title TEXT, username TEXT, kind TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('config', 'command')), active INTEGER NOT NULL DEFAULT 1, disabled_reason TEXT,
        created_at TEXT NOT NULL, active_since TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sent_digests (chat_id TEXT NOT NULL, date TEXT NOT NULL, sent_at TEXT NOT NULL, message_ids TEXT NOT NULL, PRIMARY KEY (chat_id, date));
      INSERT INTO subscriptions VALUES ('-1', 'Readers', NULL, 'supergroup', 'command', 1, NULL, '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
      INSERT INTO sent_digests VALUES ('-1', '2026-04-22', '2026-04-22T00:00:05.000Z', '[5]');
    `);
    old.close();

    const database = openSqliteDatabase(file);
    expect(database.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((migration) => migration.version)));
    const state = openStateStores(database);
    expect(await state.subscriptions.get('-1')).toMatchObject({ title: 'Readers', active: true });
    expect(await state.sentDigests.wasSent('-1', '2026-04-22')).toBe(true);
    expect(await state.chatMemory.rememberQuestion({ question: 'q', shownArticleIds: [] }, { chatHash: 'c', readerHash: 'r', readerOnly: true })).toMatch(/^[A-Za-z0-9_-]{22}$/);
    database.close();
  });

  it('upgrades a database at version 6 (other-story buttons and contexts under plain Telegram ids): those rows go, hashes from then on', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-migrations-'));
    folders.push(folder);
    const file = path.join(folder, 'newsbot.db');
    const old = new Database(file);
    runMigrations(
      old,
      MIGRATIONS.filter((migration) => migration.version <= 6),
    );
    old.exec(`
      INSERT INTO remembered_questions (question, shown_article_ids, created_at, chat_id, user_id, article_id) VALUES ('袭击造成多少人死亡？', '[]', 1, -100, 7356209841, 'south-attack');
      INSERT INTO conversation_contexts (chat_id, user_id, question, article_ids, at, subject) VALUES (7356209841, 7356209841, 'q', '[]', 1, '王晓梅');
    `);
    old.close();

    const database = openSqliteDatabase(file);
    expect(database.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((migration) => migration.version)));
    for (const table of ['remembered_questions', 'conversation_contexts']) expect(database.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    const { chatMemory } = openStateStores(database);
    const owner = { chatHash: 'c', readerHash: 'r', readerOnly: true };
    const key = await chatMemory.rememberQuestion({ question: 'q', shownArticleIds: [], articleId: 'south-attack' }, owner);
    expect(await chatMemory.question(key, owner)).toEqual({ question: 'q', shownArticleIds: [], articleId: 'south-attack' });
    database.close();
  });

  it('creates tables only in the migrations', () => {
    const sources = fs.readdirSync(path.resolve(import.meta.dirname, '../../../src'), { recursive: true, encoding: 'utf8' });
    const creating = sources
      .filter((file) => file.endsWith('.ts') && !file.endsWith('migrations.ts'))
      .filter((file) => /CREATE\s+(VIRTUAL\s+)?TABLE/i.test(fs.readFileSync(path.resolve(import.meta.dirname, '../../../src', file), 'utf8')));
    expect(creating).toEqual([]);
  });
});
