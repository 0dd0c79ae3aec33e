import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';

describe('newsbot CLI contract (ARCHITECTURE.md)', () => {
  const home = temporaryHome();
  const env = { NEWSBOT_HOME: home };
  let ingestReport: any;

  beforeAll(async () => {
    const run = await runCli(['ingest', SAMPLE_PAGE, '--json'], env);
    expect(run.code).toBe(0);
    ingestReport = run.json();
  });

  it('ingest --json reports added / updated / unchanged / failed, chunks and errors', async () => {
    expect(ingestReport.articles).toMatchObject({ updated: 0, unchanged: 0, failed: 0 });
    expect(ingestReport.articles.added).toBeGreaterThanOrEqual(8);
    expect(ingestReport.chunks).toBeGreaterThan(ingestReport.articles.added);
    expect(ingestReport.errors).toEqual([]);
    const again = (await runCli(['ingest', SAMPLE_PAGE, '--json'], env)).json();
    expect(again.articles).toMatchObject({ added: 0, updated: 0, unchanged: ingestReport.articles.added, failed: 0 });
    expect(again.chunks).toBe(0);
  });

  it('search --json returns ranked passages with dates', async () => {
    const run = await runCli(['search', '小巨人企业', '--k', '3', '--json'], env);
    expect(run.code).toBe(0);
    const { results } = run.json();
    expect(results).toHaveLength(3);
    for (const result of results) expect(Object.keys(result).sort()).toEqual(['articleId', 'date', 'score', 'text', 'title']);
    expect(results[0].text).toContain('小巨人');
    expect(results[0].score).toBeGreaterThanOrEqual(results[1].score);
  });

  it('ask --json cites sources that every [n] refers to', async () => {
    const result = (await runCli(['ask', '株洲位列小巨人城市榜单第几位？', '--json'], env)).json();
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('43');
    for (const match of result.answer.matchAll(/\[(\d+)\]/g)) expect(result.citations.map((citation: any) => citation.n)).toContain(Number(match[1]));
    expect(Object.keys(result.citations[0]).sort()).toEqual(['articleId', 'chunkId', 'date', 'n', 'quote', 'source', 'title', 'url']);
    expect(result.mode).toBe('extractive');
  });

  it('prints help and exits 2 on bad usage', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    for (const command of ['ingest', 'remove', 'reindex', 'ask', 'search', 'check', 'digest', 'eval', 'bench', 'serve']) expect(help.stdout).toContain(command);
    expect((await runCli(['ask'], env)).code).toBe(2);
    expect((await runCli(['search', 'x', '--k', 'zero'], env)).code).toBe(2);
    expect((await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-02-30'], env)).code).toBe(2);
    expect((await runCli(['no-such-command'], env)).code).toBe(2);
  });
});

describe('ingest of awkward inputs', () => {
  it('reads a GB18030 file and a JSONL export with a bad record, ingesting the rest and exiting 1', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-inputs-');
    fs.writeFileSync(path.join(folder, '2026-03-01-page.txt'), iconv.encode('# 株洲新建体育公园\n\n株洲今年新建体育公园3座，市民可免费健身。\n', 'gb18030'));
    fs.writeFileSync(
      path.join(folder, 'export.jsonl'),
      [
        JSON.stringify({ id: 'ok-1', title: '株洲开通夜间公交', body: '株洲开通4条夜间公交线路。', date: '2026-03-02' }),
        '{ not json',
        JSON.stringify({ body: '没有标题的记录。' }),
        JSON.stringify({ id: 'ok-2', title: '株洲举办马拉松', content: '株洲马拉松吸引2万名选手参赛。' }),
      ].join('\n'),
    );
    const run = await runCli(['ingest', folder, '--json'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(1);
    const report = run.json();
    expect(report.articles.added).toBe(3);
    expect(report.articles.failed).toBe(2);
    expect(report.errors.map((error: any) => error.source).sort()).toEqual([expect.stringMatching(/export\.jsonl#2$/), expect.stringMatching(/export\.jsonl#3$/)]);
    const answer = (await runCli(['ask', '株洲今年新建几座体育公园？', '--json'], { NEWSBOT_HOME: home })).json();
    expect(answer.answer).toContain('3座');
    expect(answer.citations[0].date).toBe('2026-03-01');
  });

  it('removes control characters, bidi overrides and lone surrogates, says how many, and never repeats a URL’s password', async () => {
    const home = temporaryHome();
    const folder = temporaryHome('newsbot-unsafe-');
    // JSON escapes carry what a CMS export may: a bell, an escape, U+202E (text reversed after it) and a lone surrogate.
    const record = { id: 'unsafe-1', title: '株洲\u202e新建\u0007公园', body: '株洲今年新建\u001b口袋公园12座。\ud800市民可免费入园。', date: '2026-03-03' };
    fs.writeFileSync(path.join(folder, 'export.jsonl'), JSON.stringify(record));
    const run = await runCli(['ingest', path.join(folder, 'export.jsonl'), 'http://reader:s3cret-pass@127.0.0.1:9/feed.xml', '--json'], { NEWSBOT_HOME: home });
    const report = run.json();
    expect(report.articles.added).toBe(1);
    expect(report.removedCharacters).toEqual({ control: 2, bidi: 1, loneSurrogate: 1 });
    expect(run.stdout + run.stderr).not.toContain('s3cret-pass');
    expect(report.errors).toEqual([expect.objectContaining({ source: 'http://reader:***@127.0.0.1:9/feed.xml' })]);
    const [stored] = (await runCli(['search', '口袋公园', '--json'], { NEWSBOT_HOME: home })).json().results;
    expect(stored.title).toBe('株洲新建公园');
    expect(stored.text).toContain('株洲今年新建口袋公园12座。市民可免费入园。');
  });

  it('reads relative paths from the working directory it is given, and records them relative to it', async () => {
    const folder = temporaryHome('newsbot-cwd-');
    fs.copyFileSync(SAMPLE_PAGE, path.join(folder, 'page.md'));
    const env = { NEWSBOT_HOME: temporaryHome() };
    const run = await runCli(['ingest', 'page.md', '--json'], env, folder);
    expect(run.code).toBe(0);
    expect(run.json().articles.added).toBeGreaterThanOrEqual(8);
    const answer = (await runCli(['ask', '株洲有几个国家中小企业特色产业集群？', '--json'], env, folder)).json();
    expect(answer.citations[0].source).toBe('page.md');
  });

  it('removes an article everywhere by id and by source', async () => {
    const home = temporaryHome();
    const env = { NEWSBOT_HOME: home };
    await runCli(['ingest', SAMPLE_PAGE], env);
    const before = (await runCli(['search', '体重管理中心', '--json'], env)).json().results[0];
    expect(before.text).toContain('体重');
    const removed = await runCli(['remove', before.articleId, '--json'], env);
    expect(removed.json()).toEqual({ removed: 1, notFound: [] });
    const after = (await runCli(['search', '体重管理中心', '--json'], env)).json().results;
    expect(after.every((result: any) => result.articleId !== before.articleId)).toBe(true);
    const bySource = await runCli(['remove', SAMPLE_PAGE, '--json'], env);
    expect(bySource.json().removed).toBeGreaterThan(5);
    expect((await runCli(['search', '株洲', '--json'], env)).json().results).toEqual([]);
    expect((await runCli(['remove', 'no-such-id'], env)).code).toBe(1);
  });
});

describe('embedder configuration errors', () => {
  it('refuses an index built by another embedder and says to run reindex', async () => {
    const home = temporaryHome();
    const env = { NEWSBOT_HOME: home };
    await runCli(['ingest', SAMPLE_PAGE], env);
    const manifestFile = path.join(home, 'index', 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, embedderId: 'some-other-model', dimensions: 384 }));
    const refused = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？', '--json'], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/some-other-model/);
    expect(refused.stderr).toMatch(/newsbot reindex/);
    const reindex = await runCli(['reindex', '--json'], env);
    expect(reindex.code).toBe(0);
    expect(reindex.json().chunks).toBeGreaterThan(0);
    expect((await runCli(['ask', '株洲有几个国家中小企业特色产业集群？', '--json'], env)).json().answer).toContain('3个');
  });

  it('explains how to fix an embedding model that cannot be downloaded', async () => {
    const started = Date.now();
    const run = await runCli(['ask', '测试', '--json'], {
      NEWSBOT_HOME: temporaryHome(),
      EMBEDDING_MODEL: 'Xenova/bge-small-zh-v1.5',
      MODEL_CACHE_DIR: temporaryHome('newsbot-models-'),
      MODEL_DOWNLOAD_TIMEOUT_MS: '3000',
      // No test reaches the internet: offline, the missing files fail at once.
      HF_HUB_OFFLINE: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Xenova\/bge-small-zh-v1\.5/);
    expect(run.stderr).toMatch(/EMBEDDING_MODEL=hash/);
    expect(run.stderr).toMatch(/download/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
