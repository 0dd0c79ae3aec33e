// /forget erases everything the bot keeps about a reader, through the Bot API emulator, in SQLite and in PostgreSQL:
// after a reader asked in private and in a group, voted, listed articles and had a private digest subscription, a scan
// of every table finds neither their Telegram id, nor its keyed hashes (but in the minute-long rate-limit windows), nor
// their questions; the SQLite file does not hold the questions either; their old buttons open nothing. Another
// reader's data stays.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { openPostgresStateStores } from '../../../src/store/postgres/open-postgres-state-stores.js';
import { runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { createReaderKeys } from '../../../src/question-log/reader-keys.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { createFakeArchive } from '../fake-archive.js';
import { type BotHarness, type BotReply, startBotHarness } from '../harness.js';
import { STATION_ARTICLE } from '../support/test-articles.js';

const SECRET = 'forget-test-question-log-secret';
/** Ten digits, as Telegram user ids now have: a chance match inside a timestamp is one in billions. */
const READER = 7356209841;
const OTHER_READER = 7356209842;
const GROUP = -1007356209843;
const EXPIRED = '这个按钮已过期，请重新提问。';

interface Questions {
  /** Asked by READER in private. */
  privateQuestion: string;
  /** Asked by READER in the group. */
  groupQuestion: string;
  /** Asked by OTHER_READER: stays. */
  othersQuestion: string;
}

/** Every row of every table, one string per row (`table: values…`). */
type TableScan = () => Promise<string[]>;

/** What the reader does before /forget; resolves their private answer (with its buttons). */
async function useEverything(harness: BotHarness, questions: Questions): Promise<BotReply> {
  const [answer] = await harness.sendPrivateMessage(questions.privateQuestion, { userId: READER });
  expect(answer!.buttons.flat().map((button) => button.text)).toEqual(expect.arrayContaining(['更多结果', '👍']));
  await harness.pressButton(answer!, '👍', { userId: READER });
  await harness.pressButton(answer!, '更多结果', { userId: READER });
  await harness.sendPrivateMessage('/latest', { userId: READER });
  const [groupAnswer] = await harness.sendGroupMessage(`@TestNameBot ${questions.groupQuestion}`, { userId: READER, chatId: GROUP });
  expect(groupAnswer!.buttons.flat().map((button) => button.text)).toContain('更多结果');
  await harness.sendPrivateMessage(questions.othersQuestion, { userId: OTHER_READER });
  // A private chat can get the digest only when DIGEST_CHAT_IDS names it; /forget ends that too.
  const { subscriptions, sentDigests } = harness.archive.state;
  await subscriptions.subscribe({ chatId: String(READER), kind: 'private', source: 'config' });
  await sentDigests.record({ chatId: String(READER), date: '2026-04-23', sentAt: '2026-04-23T00:00:05.000Z', messageIds: [7] });
  return answer!;
}

async function expectForgotten(harness: BotHarness, scan: TableScan, questions: Questions, answer: BotReply): Promise<void> {
  const keys = createReaderKeys(SECRET);
  const traces = [String(READER), keys.reader(READER), keys.chat(READER), questions.privateQuestion, questions.groupQuestion];
  const before = await scan();
  for (const trace of traces)
    expect(
      before.some((row) => row.includes(trace)),
      `${trace} is stored before /forget`,
    ).toBe(true);

  const [done] = await harness.sendPrivateMessage('/forget', { userId: READER, languageCode: 'en' });
  expect(done!.text).toBe('Deleted: 2 logged question(s) and 1 vote(s) of yours.');

  const after = await scan();
  // The rate-limit windows keep a minute of request times under the keyed hashes, so /forget cannot reset the limit.
  const windows = after.filter((row) => row.startsWith('rate_limit_windows:'));
  for (const row of windows) expect(row).toMatch(/^rate_limit_windows: (user|chat):[0-9a-f]{32} /);
  const rest = after.filter((row) => !row.startsWith('rate_limit_windows:'));
  for (const trace of traces)
    expect(
      rest.filter((row) => row.includes(trace)),
      `rows still holding ${trace}`,
    ).toEqual([]);
  expect(rest.some((row) => row.includes(questions.othersQuestion))).toBe(true);

  // The old buttons open nothing now.
  for (const button of ['更多结果', '👎']) {
    const pressed = await harness.pressButton(answer, button, { userId: READER });
    expect(pressed.replies).toEqual([]);
    expect(pressed.callbackAnswer).toMatchObject({ text: EXPIRED });
  }
}

describe('/forget with SQLite', () => {
  let harness: BotHarness;
  const questions: Questions = {
    privateQuestion: '株洲有几个国家中小企业特色产业集群？',
    groupQuestion: '株洲要培育多少个市级职工子女托育托管服务点？',
    othersQuestion: '今年要提质升级多少所中小学食堂？',
  };

  beforeAll(async () => {
    harness = await startBotHarness({ env: { QUESTION_LOG_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  test('erases every trace of the reader from every table, and the question texts from the file', async () => {
    const database = (harness.archive.store as unknown as { database: Database.Database }).database;
    const scan: TableScan = async () => {
      const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'chunks_fts%'").pluck().all() as string[];
      return tables.flatMap((table) =>
        (database.prepare(`SELECT * FROM ${JSON.stringify(table)}`).all() as Record<string, unknown>[]).map((row) => `${table}: ${Object.values(row).join(' ')}`),
      );
    };
    const answer = await useEverything(harness, questions);
    await expectForgotten(harness, scan, questions, answer);
    // Not readable in the file either: deleted content is zeroed (secure_delete), the log emptied into it.
    const file = path.join(harness.home, 'newsbot.db');
    const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    for (const text of [questions.privateQuestion, questions.groupQuestion]) expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    expect(bytes.includes(Buffer.from(questions.othersQuestion, 'utf8'))).toBe(true);
  }, 60_000);
});

describe('/forget with PostgreSQL', () => {
  let server: PostgresServer;
  let pool: pg.Pool;
  let harness: BotHarness;
  const questions: Questions = {
    privateQuestion: '株洲今年新建多少家爱心驿站？',
    groupQuestion: '爱心驿站提供哪些服务？',
    othersQuestion: '株洲今年将新建几家爱心驿站？',
  };

  beforeAll(async () => {
    server = await startPostgresServer();
    const connectionString = await server.createDatabase();
    pool = createPostgresPool({ connectionString });
    await runPostgresMigrations(pool);
    harness = await startBotHarness({
      env: { QUESTION_LOG_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100', DATABASE_URL: connectionString },
      // Retrieval from a fake archive; every kind of state in PostgreSQL, as a worker keeps it.
      openArchive: (env) => {
        const base = createFakeArchive([STATION_ARTICLE], { env });
        return { ...base, state: { ...base.state, ...openPostgresStateStores(pool) } };
      },
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await pool?.end();
    await server?.close();
  });

  test('erases every trace of the reader from every table', async () => {
    const scan: TableScan = async () => {
      const { rows: tables } = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      const rows: string[] = [];
      for (const { table_name: table } of tables) {
        const result = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${pg.escapeIdentifier(table)} t`);
        rows.push(...result.rows.map(({ row }) => `${table}: ${row.slice(1, -1).replaceAll(',', ' ')}`));
      }
      return rows;
    };
    const answer = await useEverything(harness, questions);
    await expectForgotten(harness, scan, questions, answer);
  }, 60_000);
});
