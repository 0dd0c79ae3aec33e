// Pins with DATABASE_URL: kept in PostgreSQL, so a pin made through one worker is served by every other, and stops
// being served everywhere once its article is removed.
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle, openTestArchive } from '../helpers/open-test-archive.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { runCli, temporaryHome } from '../helpers/run-cli.js';

const GYM = makeArticle('gym-renovation', '城南体育馆启动改造', ['城南体育馆今天起闭馆改造，改造内容包括更换看台座椅和维修屋顶。'], { date: '2026-09-01' });
const METRO = makeArticle('metro-fares', '地铁票价调整方案公布', ['地铁票价调整方案昨日公布，起步价为2元。'], { date: '2026-09-02' });

let server: PostgresServer;
let databaseUrl: string;
const homes: string[] = [];

beforeAll(async () => {
  server = await startPostgresServer();
  databaseUrl = await server.createDatabase();
}, 30_000);

afterAll(async () => {
  await server?.close();
  for (const created of homes) fs.rmSync(created, { recursive: true, force: true });
});

function worker(): Record<string, string> {
  const home = temporaryHome('newsbot-pg-pins-');
  homes.push(home);
  return { NEWSBOT_HOME: home, DATABASE_URL: databaseUrl };
}

describe('pins with DATABASE_URL', () => {
  it('a pin made on one worker is served by another, and by none once its article is removed', async () => {
    const first = worker();
    const archive = await openTestArchive(first.NEWSBOT_HOME!, { DATABASE_URL: databaseUrl });
    await archive.indexArticles([GYM, METRO]);
    await archive.close();

    const added = await runCli(['pin', 'add', '--question', '城南体育馆什么时候开放？', '--answer', '10月1日重新开放。', '--article', GYM.id, '--json'], first);
    expect(added.code).toBe(0);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      expect((await client.query('SELECT query_text, article_id FROM pinned_answers')).rows).toEqual([{ query_text: '城南体育馆什么时候开放？', article_id: GYM.id }]);
    } finally {
      await client.end();
    }

    const second = worker();
    const answer = (await runCli(['ask', '城南体育馆哪天开门？', '--json'], second)).json();
    expect(answer).toMatchObject({ answered: true, mode: 'pinned', answer: '编辑部答复：10月1日重新开放。[1]', citations: [{ articleId: GYM.id }] });
    expect((await runCli(['pin', 'list', '--json'], second)).json().pins).toHaveLength(1);

    expect((await runCli(['remove', GYM.id], first)).code).toBe(0);
    expect((await runCli(['ask', '城南体育馆哪天开门？', '--json'], second)).json().mode).not.toBe('pinned');
  }, 120_000);
});
