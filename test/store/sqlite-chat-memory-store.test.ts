import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/store/open-sqlite-database.js';
import { SqliteChatMemoryStore } from '../../src/store/sqlite-chat-memory-store.js';

const DAY = 24 * 60 * 60 * 1000;
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-chat-memory-'));
  folders.push(folder);
  return path.join(folder, 'newsbot.db');
}

describe('SqliteChatMemoryStore', () => {
  it('keeps one conversation context per reader and chat, readable within its age', async () => {
    let now = 1_000_000;
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'), { now: () => now });
    await memory.rememberContext(-5, 1, { question: '河城今年新建了多少座桥？', articleIds: ['a'], at: now });
    await memory.rememberContext(-5, 1, { question: '河城的预算是多少？', articleIds: ['b', 'c'], at: now });
    await memory.rememberContext(-5, 2, { question: '别人的问题？', articleIds: ['d'], at: now });
    expect(await memory.context(-5, 1, 60_000)).toEqual({ question: '河城的预算是多少？', articleIds: ['b', 'c'], at: now });
    expect(await memory.context(-6, 1, 60_000)).toBeNull();
    now += 60_001;
    expect(await memory.context(-5, 1, 60_000)).toBeNull();
  });

  it('round-trips questions and numbered lists', async () => {
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'));
    const key = await memory.rememberQuestion({ question: '株洲有几个集群？', shownArticleIds: ['a', 'b'] });
    expect(key).toMatch(/^[0-9a-z]+$/);
    expect(await memory.question(key)).toEqual({ question: '株洲有几个集群？', shownArticleIds: ['a', 'b'] });
    expect(await memory.question('zzzz')).toBeNull();
    expect(await memory.question('not a key!')).toBeNull();

    await memory.rememberListedArticles(-100, ['x', 'y']);
    await memory.rememberListedArticles(7, ['z']);
    expect(await memory.listedArticle(-100, 2)).toBe('y');
    expect(await memory.listedArticle(-100, 3)).toBeNull();
    expect(await memory.listedArticle(-100, 0)).toBeNull();
    await memory.rememberListedArticles(-100, ['w']);
    expect(await memory.listedArticle(-100, 1)).toBe('w');
    expect(await memory.listedArticle(7, 1)).toBe('z');
  });

  it('never hands out a key twice, across a reopen of the same file and after old rows are pruned', async () => {
    const file = databaseFile();
    let now = 0;
    const first = openSqliteDatabase(file);
    const before = new SqliteChatMemoryStore(first, { now: () => now });
    const oldKeys = [await before.rememberQuestion({ question: 'one', shownArticleIds: [] }), await before.rememberQuestion({ question: 'two', shownArticleIds: [] })];
    first.close();

    now = 30 * DAY; // every earlier row has expired and is pruned by the next write
    const second = openSqliteDatabase(file);
    const after = new SqliteChatMemoryStore(second, { now: () => now });
    const newKey = await after.rememberQuestion({ question: 'three', shownArticleIds: [] });
    expect(second.prepare('SELECT count(*) FROM remembered_questions').pluck().get()).toBe(1);
    expect(oldKeys).not.toContain(newKey);
    expect(await after.question(newKey)).toMatchObject({ question: 'three' });
    for (const key of oldKeys) expect(await after.question(key)).toBeNull();
    second.close();
  });

  it('forgets questions and lists after the retention period', async () => {
    let now = 1_000;
    const memory = new SqliteChatMemoryStore(openSqliteDatabase(':memory:'), { now: () => now, retentionMs: 7 * DAY });
    const key = await memory.rememberQuestion({ question: 'q', shownArticleIds: [] });
    await memory.rememberListedArticles(1, ['a']);
    now += 7 * DAY - 1;
    expect(await memory.question(key)).not.toBeNull();
    expect(await memory.listedArticle(1, 1)).toBe('a');
    now += 1;
    expect(await memory.question(key)).toBeNull();
    expect(await memory.listedArticle(1, 1)).toBeNull();
  });
});
