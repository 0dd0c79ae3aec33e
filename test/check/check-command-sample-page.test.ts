// End to end through the real CLI (`main`): ingest the sample page into a temporary NEWSBOT_HOME with the offline
// hash embedder, then `newsbot check "<claim>" --json`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_DIR, runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';

interface SeedClaim {
  id: string;
  claim: string;
  verdict: 'supported' | 'contradicted' | 'not_found';
  /** A string the decisive evidence quote holds. */
  evidence: string;
}

interface CheckJson {
  verdict: string;
  evidence: Array<{ articleId: string; title: string; quote: string }>;
  explanation: string;
  comparisons: Array<{ claim: string; archive: string | null; matches: boolean }>;
}

const seedClaims: SeedClaim[] = fs
  .readFileSync(path.join(EVAL_DIR, 'seed-claims.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as SeedClaim);

// Claims of our own about the same page: [claim, verdict, a string the evidence quote must hold (or null)].
const OWN_CLAIMS: ReadonlyArray<readonly [string, SeedClaim['verdict'], string | null]> = [
  ['中车株洲所营收突破700亿元', 'supported', '700亿元'],
  ['株洲位列2026年中国国家级小巨人Top50城市第43位', 'supported', '第43位'],
  ['株洲硬质合金集团荣获中国质量奖提名奖', 'supported', '中国质量奖提名奖'],
  ['株洲位列2026年中国国家级小巨人Top50城市第5位', 'contradicted', '第43位'],
  // 分别: 38家 belongs to 国家重点“小巨人”企业, 96家 to 国家专精特新“小巨人”企业.
  ['株洲国家重点小巨人企业累计达到96家', 'contradicted', '38家'],
  ['澳维膜去年实缴税款3000余万元', 'contradicted', '2600余万元'],
  ['株洲新增国家级绿色工厂12家', 'not_found', null],
  ['株洲今年将新建80家公共厕所', 'not_found', null],
  ['华锐精密荣获中国质量奖', 'not_found', null],
  // The number matches a figure of another subject: never supported.
  ['澳维膜去年营收突破700亿元', 'not_found', null],
];

describe('newsbot check on the sample page', () => {
  const home = temporaryHome('newsbot-check-');
  const env = { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash' };
  const check = async (claim: string): Promise<CheckJson> => {
    const run = await runCli(['check', claim, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    return run.json<CheckJson>();
  };

  beforeAll(async () => {
    const run = await runCli(['ingest', SAMPLE_PAGE, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
  });

  afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it.each(seedClaims.map((seed) => [seed.id, seed] as const))('seed %s', async (_id, seed) => {
    const result = await check(seed.claim);
    expect(result.verdict).toBe(seed.verdict);
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(result.evidence.some((evidence) => evidence.quote.includes(seed.evidence))).toBe(true);
    expect(result.explanation).toContain(seed.evidence);
    for (const evidence of result.evidence) expect(evidence.quote.length).toBeLessThan(400);
  });

  it.each(OWN_CLAIMS.map(([claim, verdict, evidence]) => [claim, verdict, evidence] as const))('%s → %s', async (claim, verdict, evidence) => {
    const result = await check(claim);
    expect(result.verdict).toBe(verdict);
    if (evidence === null) expect(result.evidence).toEqual([]);
    else expect(result.evidence.some((item) => item.quote.includes(evidence))).toBe(true);
  });

  it('follows the JSON contract: one object, verdict, evidence { articleId, title, quote }, explanation', async () => {
    const run = await runCli(['check', '株洲省级专精特新中小企业累计达到702家', '--json'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const result = run.json<CheckJson>();
    expect(result.verdict).toBe('contradicted');
    expect(result.evidence[0]).toEqual(
      expect.objectContaining({ articleId: expect.any(String), title: expect.stringContaining('小巨人'), quote: expect.stringContaining('602家') }),
    );
    expect(result.explanation).toMatch(/702家.*602家/);
    expect(result.comparisons).toEqual([expect.objectContaining({ claim: '702家', archive: '602家', matches: false })]);
  });

  it('prints the verdict, the figures and the quote for people without --json, exit 0 even when not found', async () => {
    const contradicted = await runCli(['check', '株洲今年将新建100家爱心驿站'], env);
    expect(contradicted.code).toBe(0);
    expect(contradicted.stdout).toMatch(/^CONTRADICTED\n/);
    expect(contradicted.stdout).toContain('100家');
    expect(contradicted.stdout).toContain('80家');
    const notFound = await runCli(['check', '株洲新增国家级绿色工厂12家'], env);
    expect(notFound.code).toBe(0);
    expect(notFound.stdout).toMatch(/^NOT FOUND\n/);
  });
});

describe('newsbot check usage', () => {
  it('rejects an empty claim with exit code 2', async () => {
    const home = temporaryHome('newsbot-check-usage-');
    try {
      const run = await runCli(['check', '   ', '--json'], { NEWSBOT_HOME: home });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('claim is empty');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
