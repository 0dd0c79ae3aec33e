// `newsbot timeline`: a story's reports oldest first, on invented dated articles ingested from a JSONL file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryHome } from '../helpers/run-cli.js';
import type { TimelineResult } from '../../src/timeline/build-timeline.js';

/** Four reports of one story (given out of order), one undated, and two articles on other things. */
const BRIDGE_STORY = [
  { id: 'bridge-open', title: '湘江四桥正式通车', date: '2026-01-18', url: 'https://news.example/4', body: '湘江四桥今天上午正式建成通车，全长1.8公里，市民可免费通行。' },
  { id: 'bridge-start', title: '湘江四桥开工', date: '2024-02-20', url: 'https://news.example/1', body: '湘江四桥今日开工建设，计划2025年12月建成通车，总投资18亿元。' },
  { id: 'bridge-closure', title: '湘江四桥主桥合龙', date: '2025-06-30', url: 'https://news.example/3', body: '经过一年多施工，湘江四桥主桥今天顺利合龙，进入桥面铺装阶段。' },
  { id: 'bridge-pier', title: '湘江四桥首个主墩完工', date: '2024-11-05', url: 'https://news.example/2', body: '湘江四桥首个主墩浇筑完成，湘江四桥建设进入上部结构施工。' },
  { id: 'bridge-feature', title: '湘江四桥背后的建设者', url: null, body: '在湘江四桥工地上，一群建设者日夜坚守。' },
  { id: 'bakery', title: '面包节开幕', date: '2025-05-01', url: 'https://news.example/bakery', body: '第三届面包节今天在神农公园开幕，吸引游客两万余人，桥头广场也设了分会场。' },
  { id: 'river', title: '湘江水位回落', date: '2025-07-10', url: 'https://news.example/river', body: '受上游来水减少影响，湘江株洲段水位持续回落。' },
];

let home: string;
beforeAll(async () => {
  home = temporaryHome('newsbot-timeline-');
  const file = path.join(home, 'articles.jsonl');
  fs.writeFileSync(file, `${BRIDGE_STORY.map((article) => JSON.stringify(article)).join('\n')}\n`);
  const ingest = await runCli(['ingest', file, '--json'], { NEWSBOT_HOME: home });
  expect(ingest.code).toBe(0);
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('newsbot timeline', () => {
  it("lists the story's reports oldest first, one line each, leaves unrelated articles out and the undated one last", async () => {
    const run = await runCli(['timeline', '湘江四桥', '--json'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    const timeline = run.json<TimelineResult>();
    expect(timeline.topic).toBe('湘江四桥');
    expect(timeline.entries.map((entry) => entry.articleId)).toEqual(['bridge-start', 'bridge-pier', 'bridge-closure', 'bridge-open', 'bridge-feature']);
    expect(timeline.entries.map((entry) => entry.date)).toEqual(['2024-02-20', '2024-11-05', '2025-06-30', '2026-01-18', null]);
    expect(timeline.entries[0]).toEqual({
      date: '2024-02-20',
      articleId: 'bridge-start',
      title: '湘江四桥开工',
      text: '湘江四桥今日开工建设，计划2025年12月建成通车，总投资18亿元。',
      url: 'https://news.example/1',
    });
  });

  it("finds the story's reports from a longer topic too, not only those repeating its rarest word", async () => {
    const run = await runCli(['timeline', '湘江四桥通车', '--json'], { NEWSBOT_HOME: home });
    expect(run.json<TimelineResult>().entries.map((entry) => entry.articleId)).toEqual(['bridge-start', 'bridge-pier', 'bridge-closure', 'bridge-open', 'bridge-feature']);
  });

  it('keeps to --since and --until, and prints a line per report without --json', async () => {
    const run = await runCli(['timeline', '湘江四桥', '--since', '2024-06-01', '--until', '2025-12-31'], { NEWSBOT_HOME: home });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      '2024-11-05  湘江四桥首个主墩浇筑完成，湘江四桥建设进入上部结构施工。 — 湘江四桥首个主墩完工 https://news.example/2',
      '2025-06-30  经过一年多施工，湘江四桥主桥今天顺利合龙，进入桥面铺装阶段。 — 湘江四桥主桥合龙 https://news.example/3',
    ]);
  });

  it('exits 2 on bad usage', async () => {
    expect((await runCli(['timeline', '湘江四桥', '--since', '2025-13-01'], { NEWSBOT_HOME: home })).code).toBe(2);
    expect((await runCli(['timeline', ' '], { NEWSBOT_HOME: home })).code).toBe(2);
    expect((await runCli(['timeline', '湘江四桥', '--since', '2026-01-01', '--until', '2025-01-01'], { NEWSBOT_HOME: home })).code).toBe(2);
  });
});
