// Following a story with many workers: two real `newsbot serve` workers (webhook mode, a replica each) on one real
// PostgreSQL, articles ingested by `newsbot ingest` processes. A report on a followed topic reaches the follower once,
// not once per worker; after the leading worker is SIGKILLed the other takes the alerts over and sends nothing twice,
// then sends the next report. Needs the compiled CLI (`npm run build`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { killProcess } from '../support/worker-process.js';
import { BRIDGE_STORY, FollowScenario, sleep, until } from './follow-scenario.js';

const READER = 1001;
/** Longer than two polls and the replicas' catch-up: a second sender would be caught. */
const SETTLE_MS = 8_000;
const LEADS = 'this worker leads the background jobs';

let server: PostgresServer;
let scenario: FollowScenario;

beforeAll(async () => {
  server = await startPostgresServer();
  scenario = await FollowScenario.start({ DATABASE_URL: await server.createDatabase() });
  await scenario.ingest(BRIDGE_STORY);
}, 90_000);

afterAll(async () => {
  await scenario?.stop();
  await server?.close();
}, 30_000);

describe('following a story with two PostgreSQL workers', () => {
  it('sends each alert once across workers, and nothing twice after the leader dies', async () => {
    const workers = await Promise.all([scenario.serve('first'), scenario.serve('second')]);
    await until(() => workers.some((worker) => worker.stderr().includes(LEADS)), 20_000, 'a leader');
    const leader = workers.find((worker) => worker.stderr().includes(LEADS))!;
    const other = workers.find((worker) => worker !== leader)!;
    // The follow is made through the worker that does not lead: it is read from PostgreSQL.
    expect((await scenario.say(other, READER, '/follow 湘江四桥'))[0]).toContain('已关注「湘江四桥」');

    await scenario.ingest([
      { id: 'bridge-traffic', title: '湘江四桥车流量破5万', date: '2026-02-18', body: '湘江四桥通车一个月来，日均车流量突破5万辆，湘江四桥周边交通明显改善。' },
      { id: 'ferry', title: '湘江轮渡恢复运营', date: '2026-02-18', body: '湘江轮渡航线今天恢复运营，每天开行42个班次。' },
    ]);
    await until(() => scenario.alertsTo(READER).length > 0, 60_000, 'the alert');
    await sleep(SETTLE_MS);
    expect(scenario.alertsTo(READER)).toHaveLength(1);
    expect(scenario.alertsTo(READER)[0]).toContain('湘江四桥车流量破5万');
    expect(scenario.alertsTo(READER)[0]).not.toContain('湘江轮渡');

    killProcess(leader.child);
    await leader.exited;
    await until(() => other.stderr().includes(LEADS), 30_000, 'the other worker to lead');
    await sleep(SETTLE_MS);
    expect(scenario.alertsTo(READER), 'nothing sent again by the new leader').toHaveLength(1);

    await scenario.ingest([{ id: 'bridge-lights', title: '湘江四桥亮化工程完工', date: '2026-02-20', body: '湘江四桥亮化工程完工，湘江四桥夜景灯光今晚首次点亮。' }]);
    await until(() => scenario.alertsTo(READER).length > 1, 60_000, 'the next alert from the new leader');
    await sleep(SETTLE_MS);
    expect(scenario.alertsTo(READER)).toHaveLength(2);
    expect(scenario.alertsTo(READER)[1]).toContain('湘江四桥亮化工程完工');
  }, 240_000);
});
