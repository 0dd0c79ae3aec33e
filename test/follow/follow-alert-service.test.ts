// The follow alerts on a real archive (SQLite file, HNSW index, the offline embedder) with a recording sender: which
// new articles are about a followed topic, the daily cap, several found together merged into one message, claims that
// keep an alert from being sent twice (a second service on the same database, as after a restart), and rounds that
// wait for an article's vectors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import type { Archive } from '../../src/pipeline/archive.js';
import { createFollowAlertService } from '../../src/follow/follow-alert-service.js';
import type { FollowAlert } from '../../src/follow/find-follow-alerts.js';
import { vectorReadyArticles } from '../../src/follow/vector-ready-articles.js';
import { makeArticle, openTestArchive } from '../helpers/open-test-archive.js';

const STORY = [
  makeArticle('bridge-start', '湘江四桥开工', ['湘江四桥今日开工建设，计划2025年12月建成通车，总投资18亿元。'], { date: '2024-02-20' }),
  makeArticle('bridge-pier', '湘江四桥首个主墩完工', ['湘江四桥首个主墩浇筑完成，湘江四桥建设进入上部结构施工。'], { date: '2024-11-05' }),
  makeArticle('bakery', '面包节开幕', ['第三届面包节今天在神农公园开幕，吸引游客两万余人，桥头广场也设了分会场。'], { date: '2025-05-01' }),
  makeArticle('river', '湘江水位回落', ['受上游来水减少影响，湘江株洲段水位持续回落。'], { date: '2025-07-10' }),
];
const TRAFFIC = makeArticle('bridge-traffic', '湘江四桥车流量破5万', ['湘江四桥通车一个月来，日均车流量突破5万辆，湘江四桥周边交通明显改善。'], { date: '2026-02-18' });
const LIGHTS = makeArticle('bridge-lights', '湘江四桥亮化工程完工', ['湘江四桥亮化工程完工，湘江四桥夜景灯光今晚首次点亮。'], { date: '2026-02-20' });
const FERRY = makeArticle('ferry', '湘江轮渡恢复运营', ['湘江轮渡航线今天恢复运营，每天开行42个班次。'], { date: '2026-02-18' });
const MARKET = makeArticle('market', '城南夜市开市', ['城南夜市今晚开市，共有260个摊位。'], { date: '2026-02-18' });

let home: string;
let archive: Archive;
let sent: Array<{ chatId: string; articleIds: string[] }>;

function service(alertsPerDay = 5, ready: (ids: readonly string[]) => Set<string> = (ids) => vectorReadyArticles(archive.store, archive.index, ids)) {
  return createFollowAlertService({
    articles: archive.store,
    retriever: archive.retriever,
    isSearchable: ready,
    follows: archive.state.follows,
    send: async (chatId: string, alerts: readonly FollowAlert[]) => void sent.push({ chatId, articleIds: alerts.map((alert) => alert.entry.articleId) }),
    alertsPerDay,
    timezone: 'UTC',
    pollSeconds: 60,
    logger: createLogger('silent'),
  });
}

/** Articles ingested now are ingested after a follow made a moment before. */
async function ingestLater(...articles: (typeof STORY)[number][]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await archive.indexArticles(articles);
}

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-follow-'));
  archive = await openTestArchive(home);
  await archive.indexArticles(STORY);
  sent = [];
});

afterEach(() => {
  archive.store.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('follow alerts', () => {
  it('alerts on a new report on the topic, not on articles sharing a word of it or on nothing of it', async () => {
    await archive.state.follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 10);
    await ingestLater(TRAFFIC, FERRY, MARKET);
    expect(await service().runOnce()).toBe(1);
    expect(sent).toEqual([{ chatId: '1001', articleIds: ['bridge-traffic'] }]);
  });

  it('merges reports found together into one message', async () => {
    await archive.state.follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 10);
    await ingestLater(TRAFFIC, LIGHTS);
    expect(await service(5).runOnce()).toBe(2);
    expect(sent).toEqual([{ chatId: '1001', articleIds: ['bridge-traffic', 'bridge-lights'] }]);
  });

  it('keeps to the daily cap, and never sends an alert twice, from another service on the same database too', async () => {
    await archive.state.follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 10);
    await archive.state.follows.follow({ chatId: '1002', topic: '湘江四桥', language: 'en' }, 10);
    await ingestLater(TRAFFIC, LIGHTS);
    expect(await service(1).runOnce()).toBe(2);
    expect(sent.map((message) => [message.chatId, message.articleIds.length])).toEqual([
      ['1001', 1],
      ['1002', 1],
    ]);
    const first = sent.map((message) => message.articleIds[0]);
    sent = [];
    // Another service on the same database (a restart, another worker): the claims hold; a higher cap lets the other report through.
    expect(await service(5).runOnce()).toBe(2);
    expect(sent.map((message) => message.articleIds[0])).not.toEqual(first);
    expect(sent.every((message) => message.articleIds.length === 1)).toBe(true);
    sent = [];
    expect(await service(5).runOnce()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('waits for an article’s vectors before judging it', async () => {
    await archive.state.follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 10);
    await ingestLater(TRAFFIC);
    let vectorsIn = false;
    const alerts = service(5, (ids) => (vectorsIn ? new Set(ids) : new Set()));
    expect(await alerts.runOnce()).toBe(0);
    vectorsIn = true;
    expect(await alerts.runOnce()).toBe(1);
    expect(sent).toEqual([{ chatId: '1001', articleIds: ['bridge-traffic'] }]);
  });

  it('sends nothing for an article ingested before the follow', async () => {
    await archive.indexArticles([TRAFFIC]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await archive.state.follows.follow({ chatId: '1001', topic: '湘江四桥', language: 'zh' }, 10);
    expect(await service().runOnce()).toBe(0);
  });
});
