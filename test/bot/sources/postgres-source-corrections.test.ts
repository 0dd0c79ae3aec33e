// PostgreSQL mode: an ingest process writes the articles to PostgreSQL, where correction notices are linked in the
// transaction that writes them (a notice ingested before its article included), and the links reach each worker's
// replica with the articles through the change log: a bot worker answers with the corrected figure and its source
// card and /source say 更正于. Each process has a home of its own; one real PostgreSQL on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Archive } from '../../../src/pipeline/archive.js';
import { makeArticle, openTestArchive } from '../../helpers/open-test-archive.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { type BotHarness, startBotHarness } from '../harness.js';
import { NOTICE, SEWAGE, sourceCorrectionTests } from './source-corrections-scenario.js';

const PARK = makeArticle('park', '神农公园改造', ['神农公园改造工程启动，总投资1.2亿元，预计明年完工。'], { date: '2026-08-02' });
let server: PostgresServer;
let databaseUrl: string;
let harness: BotHarness;
const homes: string[] = [];
const archives: Archive[] = [];

/** An archive in PostgreSQL mode with a home (replica) of its own: an ingest process or a worker. */
async function openProcess(): Promise<Archive> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-pg-corrections-'));
  homes.push(home);
  const archive = await openTestArchive(home, { DATABASE_URL: databaseUrl, NEWSBOT_NOW: '2026-10-20' });
  archives.push(archive);
  return archive;
}

beforeAll(async () => {
  server = await startPostgresServer();
  databaseUrl = await server.createDatabase();
  const ingest = await openProcess();
  // The notice first: PostgreSQL records what it names and links it when the article arrives in a later write.
  await ingest.indexArticles([NOTICE]);
  await ingest.indexArticles([SEWAGE, PARK]);
  harness = await startBotHarness({
    ingestSamplePage: false,
    env: { DATABASE_URL: databaseUrl, QUESTION_LOG_SECRET: 'question-log-secret-of-every-worker', RATE_LIMIT_PER_MINUTE: '1000' },
  });
}, 180_000);

afterAll(async () => {
  await harness?.stop();
  for (const archive of archives) await archive.close();
  await server?.close();
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

describe('corrections in PostgreSQL mode', () => {
  sourceCorrectionTests(() => harness);

  test('a notice written later, and an update in place, reach a following worker through the change log', async () => {
    const worker = await openProcess();
    expect(worker.corrections?.correctionsOf('park')).toEqual([]);
    const ingest = archives[0]!;
    // Only the notice is written: the change log must carry the article it corrects for the worker to see the link.
    await ingest.indexArticles([makeArticle('park-notice', '更正', ['更正：8月2日本报刊发的《神农公园改造》一文中，“总投资1.2亿元”应为“2.1亿元”。'], { date: '2026-08-06' })]);
    await ingest.indexArticles([makeArticle('sewage', SEWAGE.title, [`${SEWAGE.paragraphs[0]!}河西片区管网同步改造。`], { date: '2026-08-01' })]);
    await worker.replica?.catchUp();
    expect(worker.corrections?.correctionsOf('park')).toEqual([
      { correctionId: 'park-notice', articleId: 'park', correctedOn: '2026-08-06', wrong: '总投资1.2亿元', corrected: '总投资2.1亿元' },
    ]);
    expect(worker.corrections?.updatedOn('sewage')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(worker.corrections?.updatedOn('park')).toBeNull();
    // The earlier link survives the corrected article's rewrite.
    expect(worker.corrections?.correctionsOf('sewage').map((correction) => correction.correctionId)).toEqual(['notice']);
  });
});
