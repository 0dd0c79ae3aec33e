// The question log in PostgreSQL mode: what readers ask through one worker is reported by `newsbot report` from any
// other home, and another worker (same QUESTION_LOG_SECRET) forgets the same reader's entries.
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { openPostgresArchive } from '../../src/pipeline/open-postgres-archive.js';
import { type BotHarness, startBotHarness } from '../bot/harness.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { SAMPLE_PAGE, runCli, temporaryHome } from '../helpers/run-cli.js';

const ANSWERABLE = '今年要提质升级多少所中小学食堂？';
const UNANSWERABLE = '火星上有没有咖啡馆？';

let server: PostgresServer;
let databaseUrl: string;
const homes: string[] = [];

function home(): string {
  const created = temporaryHome('newsbot-pg-report-');
  homes.push(created);
  return created;
}

/** A worker of the bot in PostgreSQL mode, through the Bot API emulator, with its own replica home. */
function startWorker(): Promise<BotHarness> {
  const workerHome = home();
  return startBotHarness({
    env: { DATABASE_URL: databaseUrl, QUESTION_LOG_SECRET: 'question-log-secret-of-every-worker' },
    openArchive: (env) => openPostgresArchive(loadConfig({ ...env, NEWSBOT_HOME: workerHome }), createLogger('silent')),
  });
}

beforeAll(async () => {
  server = await startPostgresServer();
  databaseUrl = await server.createDatabase();
  const ingest = await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
  if (ingest.code !== 0) throw new Error(`ingest exited with ${ingest.code}: ${ingest.stderr}`);
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const created of homes) fs.rmSync(created, { recursive: true, force: true });
});

describe('question log with DATABASE_URL', () => {
  it('a worker logs into PostgreSQL; newsbot report --json from another home lists it; another worker forgets it', async () => {
    const first = await startWorker();
    try {
      await first.sendPrivateMessage(UNANSWERABLE, { userId: 4001 });
      await first.sendPrivateMessage(`请问${UNANSWERABLE}`, { userId: 4002 });
      const [answer] = await first.sendPrivateMessage(ANSWERABLE, { userId: 4001 });
      await first.pressButton(answer!, '👍', { userId: 4001 });
      await first.pressButton(answer!, '👎', { userId: 4001 });
    } finally {
      await first.stop();
    }

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ question: string; answered: boolean }>('SELECT question, answered FROM question_log ORDER BY id');
      expect(rows).toEqual([
        { question: UNANSWERABLE, answered: false },
        { question: `请问${UNANSWERABLE}`, answered: false },
        { question: ANSWERABLE, answered: true },
      ]);
      // The key of the reader hashes is never in the database.
      expect((await client.query('SELECT secret FROM question_log_secret')).rows).toHaveLength(0);
    } finally {
      await client.end();
    }

    const report = await runCli(['report', '--since', '1d', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(report.code, report.stderr).toBe(0);
    const json = report.json();
    expect(json).toMatchObject({ questions: 3, answered: 1 });
    expect(json.unanswered).toHaveLength(1);
    expect(json.unanswered[0].count).toBe(2);
    expect(json.unanswered[0].keywords.join(' ')).toMatch(/火星|咖啡馆/);
    expect(json.feedback.weeks).toEqual([expect.objectContaining({ up: 0, down: 1, upShare: 0 })]);
    expect(json.feedback.mostDisliked).toEqual([expect.objectContaining({ question: ANSWERABLE, down: 1, up: 0 })]);

    // Another worker hashes reader 4001 alike (the shared secret), so /forget there deletes what the first logged.
    const second = await startWorker();
    try {
      const [done] = await second.sendPrivateMessage('/forget', { userId: 4001, languageCode: 'en' });
      expect(done!.text).toBe('Deleted: 2 logged question(s) and 1 vote(s) of yours.');
    } finally {
      await second.stop();
    }
    const after = await runCli(['report', '--since', '1d', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(after.json()).toMatchObject({ questions: 1, answered: 0, unanswered: [{ count: 1, example: `请问${UNANSWERABLE}` }], feedback: { weeks: [], mostDisliked: [] } });
  }, 120_000);
});
