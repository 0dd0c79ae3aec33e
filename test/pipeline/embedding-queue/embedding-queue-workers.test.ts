// Embedding as a queue in PostgreSQL, with real `newsbot` processes: two `newsbot work` processes, one frozen
// holding a lease and then killed with SIGKILL: every chunk is written exactly once and the archive is complete
// and answerable; ingest --no-wait then work; progress and ETA. Needs the compiled CLI: `npx tsc -p tsconfig.build.json`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { PROJECT_ROOT, SAMPLE_PAGE, temporaryHome } from '../../helpers/run-cli.js';
import { killProcess, runNewsbot } from '../../bot/support/worker-process.js';

const BIN = path.join(PROJECT_ROOT, 'bin/newsbot.js');
const ARTICLES = 240;

let server: PostgresServer;
const folders: string[] = [];
const children: ChildProcess[] = [];
let corpus: string;

function folder(): string {
  const created = temporaryHome('newsbot-queue-');
  folders.push(created);
  return created;
}

function env(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { NEWSBOT_HOME: folder(), DATABASE_URL: databaseUrl, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'warn', EMBED_JOB_CHUNKS: '16', ...extra };
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** `newsbot work` as a child process that keeps running. */
function startWork(variables: Record<string, string>, args: string[] = []): { child: ChildProcess; exited: Promise<number | string> } {
  const child = spawn(process.execPath, [BIN, 'work', ...args], { cwd: variables.NEWSBOT_HOME, env: { PATH: process.env.PATH ?? '', ...variables }, stdio: 'ignore' });
  children.push(child);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, exited };
}

/** One JSONL export of distinct articles, several chunks each. */
function writeCorpus(file: string): void {
  const lines = Array.from({ length: ARTICLES }, (_, index) =>
    JSON.stringify({
      id: `queue-${index}`,
      title: `第${index}号报道：株洲城区第${index}条道路改造完工`,
      date: '2026-04-20',
      body: Array.from(
        { length: 6 },
        (_, paragraph) =>
          `第${index}号报道第${paragraph + 1}段。株洲市住建局介绍，编号${index * 10 + paragraph}的道路改造工程共投入资金${index + paragraph}百万元，新增停车位${paragraph * 7 + index}个，沿线绿化面积扩大到${index * 3 + paragraph}千平方米，市民出行更加方便，沿街商户的生意也明显好转。`,
      ),
    }),
  );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeAll(async () => {
  server = await startPostgresServer();
  const data = folder();
  corpus = path.join(data, 'roads.jsonl');
  writeCorpus(corpus);
}, 30_000);

afterAll(async () => {
  for (const child of children) killProcess(child);
  await server?.close();
  for (const created of folders) fs.rmSync(created, { recursive: true, force: true });
});

describe('embedding queue', () => {
  it('two workers, one frozen mid-job then SIGKILLed: every chunk written once, the archive complete and answerable', async () => {
    const databaseUrl = await server.createDatabase();
    const settings = { EMBED_LEASE_SECONDS: '1.5' };
    const ingest = await runNewsbot(['ingest', corpus, SAMPLE_PAGE, '--date', '2026-04-23', '--no-wait', '--json'], env(databaseUrl, settings));
    expect(ingest.code).toBe(0);
    const queued = JSON.parse(ingest.stdout) as { articles: { added: number }; chunks: number };
    expect(queued.articles.added).toBeGreaterThan(ARTICLES);
    expect((await query<{ count: string }>(databaseUrl, 'SELECT count(*) FROM chunks'))[0]!.count).toBe('0');

    const doomed = startWork(env(databaseUrl, settings));
    // Freeze the first worker while it holds a lease (SIGSTOP: it can neither commit nor renew), then kill it.
    let frozenJobs: { id: string }[] = [];
    const deadline = Date.now() + 20_000;
    while (frozenJobs.length === 0) {
      if (Date.now() > deadline) throw new Error('the first worker never held a lease');
      await new Promise((resolve) => setTimeout(resolve, 20));
      doomed.child.kill('SIGSTOP');
      frozenJobs = await query<{ id: string }>(databaseUrl, "SELECT id FROM embedding_jobs WHERE state = 'leased' AND lease_owner LIKE $1", [`%:${doomed.child.pid}:%`]);
      if (frozenJobs.length === 0) doomed.child.kill('SIGCONT');
    }
    const survivor = startWork(env(databaseUrl, settings), ['--until-empty']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await survivor.exited).toBe(0);

    const jobs = await query<{ state: string; count: string; chunks: string }>(
      databaseUrl,
      'SELECT state, count(*), sum(chunk_count) AS chunks FROM embedding_jobs GROUP BY state',
    );
    expect(jobs).toEqual([{ state: 'done', count: expect.any(String), chunks: String(queued.chunks) }]);
    // The frozen job came back to the queue and was written by the other worker, after a second lease.
    const retaken = await query<{ attempts: number; done_by: string }>(databaseUrl, 'SELECT attempts, done_by FROM embedding_jobs WHERE id = $1', [frozenJobs[0]!.id]);
    expect(retaken[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(retaken[0]!.done_by).not.toContain(`:${doomed.child.pid}:`);
    // Exactly once: one change-log entry per article, every chunk from one committed job, one vector each.
    const perArticle = await query<{ entries: string; articles: string }>(
      databaseUrl,
      "SELECT entries, count(*) AS articles FROM (SELECT article_id, count(*) AS entries FROM change_log WHERE kind = 'upsert' GROUP BY article_id) counted GROUP BY entries",
    );
    expect(perArticle).toEqual([{ entries: '1', articles: String(queued.articles.added) }]);
    const chunkRows = await query<{ chunks: string; vectors: string; jobs_match: boolean }>(
      databaseUrl,
      `SELECT count(*) AS chunks, count(vector) AS vectors,
         bool_and(chunks.job_id = articles.job_id) AS jobs_match
       FROM chunks JOIN articles ON articles.id = chunks.article_id`,
    );
    expect(chunkRows[0]).toEqual({ chunks: String(queued.chunks), vectors: String(queued.chunks), jobs_match: true });

    // A new worker's replica holds the whole archive and answers from it.
    const asking = env(databaseUrl);
    const answer = await runNewsbot(['ask', '株洲有几个国家中小企业特色产业集群？', '--json'], asking);
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout).answer).toContain('3个');
    const search = await runNewsbot(['search', '第117号报道 道路改造', '--json', '--k', '3'], asking);
    expect((JSON.parse(search.stdout) as { results: { articleId: string }[] }).results.map((result) => result.articleId)).toContain('queue-117');
  }, 60_000);

  it('ingest waits for its jobs by default, embedding them itself, and reports progress with a rate and an ETA', async () => {
    const databaseUrl = await server.createDatabase();
    const ingest = await runNewsbot(['ingest', corpus, '--json'], env(databaseUrl));
    expect(ingest.code).toBe(0);
    const { chunks } = JSON.parse(ingest.stdout) as { chunks: number };
    expect(ingest.stderr).toMatch(new RegExp(`newsbot: ${chunks}/${chunks} chunks embedded \\(100%\\) · [0-9.]+ chunks/s · ETA 0s`));
    expect((await query<{ count: string }>(databaseUrl, 'SELECT count(*) FROM chunks'))[0]!.count).toBe(String(chunks));

    const status = await runNewsbot(['work', '--status', '--json'], env(databaseUrl));
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ totalChunks: chunks, doneChunks: chunks, pendingJobs: 0, leasedJobs: 0, etaSeconds: 0 });
  }, 30_000);

  it('ingest --no-wait leaves the jobs queued; work --status shows them; work --until-empty embeds them', async () => {
    const databaseUrl = await server.createDatabase();
    const ingest = await runNewsbot(['ingest', corpus, '--no-wait'], env(databaseUrl));
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toContain('newsbot work --status');
    const before = await runNewsbot(['work', '--status'], env(databaseUrl));
    expect(before.stdout).toMatch(/^0\/(\d+) chunks embedded \(0%\) · rate not known yet · ETA unknown · 0 workers busy · \d+ jobs waiting\n$/);
    const total = Number(/^0\/(\d+)/.exec(before.stdout)![1]);

    const worker = await runNewsbot(['work', '--until-empty'], env(databaseUrl));
    expect(worker.code).toBe(0);
    expect(worker.stderr).toContain(`embedded ${total} chunks`);
    const after = await runNewsbot(['work', '--status'], env(databaseUrl));
    expect(after.stdout).toMatch(new RegExp(`^${total}/${total} chunks embedded \\(100%\\) · [0-9.]+ chunks/s · ETA 0s · 0 workers busy · 0 jobs waiting\\n$`));
    // Ingesting the same files again, while nothing changed, queues nothing: the JSON Lines file's checkpoint (in
    // PostgreSQL) is at its end, so none of its lines is read again.
    const again = await runNewsbot(['ingest', corpus, '--json', '--no-wait'], env(databaseUrl));
    expect(JSON.parse(again.stdout)).toMatchObject({ articles: { added: 0, updated: 0 }, chunks: 0, resumed: [{ source: corpus }] });
  }, 30_000);
});
