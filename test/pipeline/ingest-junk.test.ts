import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestArchive } from '../helpers/open-test-archive.js';
import { PROJECT_ROOT, runCli, temporaryHome } from '../helpers/run-cli.js';

const SAMPLE_PAGE = path.join(PROJECT_ROOT, 'data/zhuzhou-daily-page.md');

interface IngestReport {
  articles: { added: number; failed: number };
  errors: { source: string; message: string }[];
}

describe('ingest refuses junk and keeps the rest', () => {
  it('refuses a file of control characters and a file of NUL bytes as binary, storing nothing for them', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-junk-');
    const controls = path.join(folder, 'controls.txt');
    const nuls = path.join(folder, 'nuls.jsonl');
    fs.writeFileSync(controls, Buffer.from(Array.from({ length: 3000 }, (_, index) => [1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 27, 31][index % 12]!)));
    fs.writeFileSync(nuls, Buffer.alloc(3000));
    const page = path.join(folder, '2024-05-01-page.md');
    fs.copyFileSync(SAMPLE_PAGE, page);

    const run = await runCli(['ingest', folder, '--json'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(1);
    const report = run.json<IngestReport>();
    const controlsError = report.errors.find((error) => error.source.endsWith('controls.txt'));
    const nulsError = report.errors.find((error) => error.source.endsWith('nuls.jsonl'));
    expect(controlsError?.message).toMatch(/binary|not text/);
    expect(controlsError?.message).toContain('controls.txt');
    expect(nulsError?.message).toMatch(/binary|not text/);
    expect(nulsError?.message).toContain('nuls.jsonl');
    expect(report.errors).toHaveLength(2);
    expect(report.articles.added).toBeGreaterThan(0);

    const archive = await openTestArchive(home);
    try {
      expect(archive.store.articleIdsBySource(path.relative(PROJECT_ROOT, controls))).toEqual([]);
      expect(archive.store.articleIdsBySource(controls)).toEqual([]);
      expect(archive.store.articleIdsBySource(nuls)).toEqual([]);
      expect(archive.store.articleIdsBySource(path.relative(PROJECT_ROOT, nuls))).toEqual([]);
      // Only the sample page's articles are stored.
      expect(archive.store.stats().articles).toBe(report.articles.added);
      expect(archive.store.stats().sources).toBe(1);
    } finally {
      archive.close();
    }
  });

  it('refuses a record whose body is over MAX_ARTICLE_CHARS, naming it, and ingests the others', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-big-');
    const file = path.join(folder, 'export.jsonl');
    const records = [
      { id: 'small-1', title: '城市书房开放', body: '株洲城市书房全部免费开放，每天开放到晚上九点。' },
      { id: 'huge', title: '失控的导出', body: '这一段重复的文字来自失控的导出。'.repeat(400) },
      { id: 'small-2', title: '新能源公交投运', body: '首批60辆新能源公交车今天投入运营，覆盖12条线路。' },
    ];
    fs.writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);

    const run = await runCli(['ingest', file, '--json'], { NEWSBOT_HOME: home, MAX_ARTICLE_CHARS: '5000' });
    expect(run.code).toBe(1);
    const report = run.json<IngestReport>();
    expect(report.articles.added).toBe(2);
    expect(report.articles.failed).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.source).toMatch(/export\.jsonl#2$/);
    expect(report.errors[0]!.message).toMatch(/6400 characters, over the limit of 5000.*MAX_ARTICLE_CHARS/);

    const archive = await openTestArchive(home);
    try {
      expect(archive.store.getArticle('huge')).toBeNull();
      expect(archive.store.getArticle('small-1')).not.toBeNull();
      expect(archive.store.getArticle('small-2')).not.toBeNull();
    } finally {
      archive.close();
    }

    // Under the default cap (1,000,000 characters) the same record is accepted.
    const again = await runCli(['ingest', file, '--json'], { NEWSBOT_HOME: home });
    expect(again.code).toBe(0);
    expect(again.json<IngestReport>().articles.added).toBe(1);
  });
});
