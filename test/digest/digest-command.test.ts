import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';

let home: string;

beforeAll(async () => {
  home = temporaryHome('newsbot-digest-cli-');
  const ingest = await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23'], { NEWSBOT_HOME: home });
  expect(ingest.code, ingest.stderr).toBe(0);
});

afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('newsbot digest', () => {
  it('prints exactly one JSON object with the contract fields', async () => {
    const run = await runCli(['digest', '--date', '2026-04-23', '--json'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    const digest = run.json<{ date: string; articles: Array<Record<string, unknown>>; text: string }>();
    expect(digest.date).toBe('2026-04-23');
    expect(digest.articles.length).toBeGreaterThan(5);
    for (const article of digest.articles) {
      expect(Object.keys(article).sort()).toEqual(['articleId', 'summary', 'title', 'url']);
      expect(typeof article.title).toBe('string');
      expect((article.summary as string).length).toBeLessThanOrEqual(120);
      expect(article.summary).toMatch(/[。！？”…]$/);
    }
    expect(digest.articles[0]?.title).toContain('义乌发展经验');
    expect(digest.text.startsWith('2026年4月23日 星期四 · 今日要闻')).toBe(true);
  });

  it('prints the plain text in human mode', async () => {
    const run = await runCli(['digest', '--date', '2026-04-23'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. 习近平近日作出重要指示强调');
    expect(run.stdout).not.toContain('<b>');
  });

  it('reports an empty day without failing', async () => {
    const json = await runCli(['digest', '--date', '2026-01-01', '--json'], { NEWSBOT_HOME: home });
    expect(json.code).toBe(0);
    expect(json.json()).toEqual({ date: '2026-01-01', articles: [], text: '' });
    const human = await runCli(['digest', '--date', '2026-01-01'], { NEWSBOT_HOME: home });
    expect(human.stdout).toBe('no articles on 2026-01-01\n');
  });

  it('defaults to today in DIGEST_TIMEZONE', async () => {
    const run = await runCli(['digest', '--json'], { NEWSBOT_HOME: home, DIGEST_TIMEZONE: 'Pacific/Kiritimati' });
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(run.json<{ date: string }>().date).toBe(expected);
  });

  it('rejects a bad date with exit code 2', async () => {
    const run = await runCli(['digest', '--date', '2026-02-30'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--date');
    expect(run.stdout).toBe('');
  });
});
