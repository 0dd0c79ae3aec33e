// Following a story, end to end on the SQLite archive: one real `newsbot serve` (webhook mode) on a home, articles
// ingested beside it by `newsbot ingest` processes, the fake Bot API recording what is sent. A report on the followed
// topic reaches the follower within a minute and once; an article on something else, even one sharing a word of the
// topic, reaches nobody; the daily cap holds, several reports found together come as one message; after /unfollow
// nothing more; /forget erases the follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../support/worker-process.js';
import { BRIDGE_STORY, FollowScenario, sleep, until } from './follow-scenario.js';

const READER = 1001;
const OTHER_READER = 1002;
/** Longer than two polls (FOLLOW_POLL_SECONDS=2) and the index's reload: a second alert would come within it. */
const SETTLE_MS = 6_000;

let scenario: FollowScenario;
let home: string;
let worker: WorkerProcess;

beforeAll(async () => {
  scenario = await FollowScenario.start({ FOLLOW_ALERTS_PER_DAY: '2', FOLLOW_TOPICS_MAX: '2' });
  home = scenario.folder('newsbot-follow-home-');
  await scenario.ingest(BRIDGE_STORY, home);
  worker = await scenario.serve('serve', home);
}, 60_000);

afterAll(async () => {
  await scenario?.stop();
}, 20_000);

describe('following a story (SQLite archive, one serve, ingest in other processes)', () => {
  it('follows a topic, refuses a topic over the cap, and lists them', async () => {
    expect((await scenario.say(worker, READER, '/follow 湘江四桥'))[0]).toContain('已关注「湘江四桥」');
    expect((await scenario.say(worker, READER, '/follow 湘江四桥'))[0]).toContain('已经关注');
    expect((await scenario.say(worker, READER, '/follow 面包节'))[0]).toContain('已关注「面包节」');
    expect((await scenario.say(worker, READER, '/follow 夜市'))[0]).toContain('最多关注 2 个话题');
    expect((await scenario.say(worker, READER, '/unfollow 面包节'))[0]).toContain('已取消关注「面包节」');
    const [list] = await scenario.say(worker, READER, '/following');
    expect(list).toContain('湘江四桥');
    expect(list).not.toContain('面包节');
  }, 30_000);

  it('sends a new report on the topic once, within a minute, and nothing for articles on other things', async () => {
    const ingested = Date.now();
    await scenario.ingest(
      [
        { id: 'bridge-traffic', title: '湘江四桥车流量破5万', date: '2026-02-18', body: '湘江四桥通车一个月来，日均车流量突破5万辆，湘江四桥周边交通明显改善。' },
        { id: 'ferry', title: '湘江轮渡恢复运营', date: '2026-02-18', body: '湘江轮渡航线今天恢复运营，每天开行42个班次。' },
        { id: 'market', title: '城南夜市开市', date: '2026-02-18', body: '城南夜市今晚开市，共有260个摊位。' },
      ],
      home,
    );
    await until(() => scenario.alertsTo(READER).length > 0, 60_000, 'the alert');
    expect(Date.now() - ingested).toBeLessThan(60_000);
    await sleep(SETTLE_MS);
    const alerts = scenario.alertsTo(READER);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('湘江四桥车流量破5万');
    expect(alerts[0]).toContain('2026-02-18');
    expect(alerts[0]).toContain('日均车流量突破5万辆');
    expect(alerts[0]).not.toContain('湘江轮渡');
    expect(alerts[0]).not.toContain('城南夜市');
    expect(scenario.alertsTo(OTHER_READER)).toEqual([]);
  }, 90_000);

  it('keeps to the daily cap: of two reports found together, the one left today comes', async () => {
    await scenario.ingest(
      [
        { id: 'bridge-lights', title: '湘江四桥亮化工程完工', date: '2026-02-20', body: '湘江四桥亮化工程完工，湘江四桥夜景灯光今晚首次点亮。' },
        { id: 'bridge-bus', title: '湘江四桥开通公交线路', date: '2026-02-20', body: '两条公交线路今起经湘江四桥过江，湘江四桥公交站同步启用。' },
      ],
      home,
    );
    await until(() => scenario.alertsTo(READER).length > 1, 60_000, 'the second alert');
    await sleep(SETTLE_MS);
    const alerts = scenario.alertsTo(READER);
    expect(alerts).toHaveLength(2);
    const second = alerts[1]!;
    expect(second.includes('湘江四桥亮化工程完工') !== second.includes('湘江四桥开通公交线路'), second).toBe(true);

    await scenario.ingest([{ id: 'bridge-run', title: '湘江四桥马拉松', date: '2026-02-21', body: '首届湘江四桥马拉松开跑，选手跑过湘江四桥主桥。' }], home);
    await sleep(SETTLE_MS);
    expect(scenario.alertsTo(READER)).toHaveLength(2);
  }, 90_000);

  it('sends nothing more after /unfollow; another follower gets only what came after they followed; /forget erases follows', async () => {
    expect((await scenario.say(worker, READER, '/unfollow 湘江四桥'))[0]).toContain('已取消关注');
    expect((await scenario.say(worker, OTHER_READER, '/follow 湘江四桥'))[0]).toContain('已关注');
    await scenario.ingest([{ id: 'bridge-award', title: '湘江四桥获评优质工程', date: '2026-03-01', body: '湘江四桥获评国家优质工程奖，湘江四桥建设团队受表彰。' }], home);
    await until(() => scenario.alertsTo(OTHER_READER).length > 0, 60_000, 'the other reader’s alert');
    await sleep(SETTLE_MS);
    expect(scenario.alertsTo(OTHER_READER)).toHaveLength(1);
    expect(scenario.alertsTo(OTHER_READER)[0]).toContain('湘江四桥获评优质工程');
    expect(scenario.alertsTo(OTHER_READER)[0]).not.toContain('马拉松');
    expect(scenario.alertsTo(READER)).toHaveLength(2);

    await scenario.say(worker, OTHER_READER, '/forget');
    expect((await scenario.say(worker, OTHER_READER, '/following'))[0]).toContain('还没有关注任何话题');
  }, 90_000);
});
