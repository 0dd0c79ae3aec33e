// The big-export bench (docs/performance.md, "One big export"), run from the project folder:
//   npm run bench:big-export -- [--mib 1024] [--kill-after 60] [--out bench/big-export.json] [--keep]
// Writes one JSON Lines export of about --mib MiB from the CMRC-based bench corpus into a temporary folder,
// ingests it with EMBEDDING_MODEL=hash in a child process (peak RSS from the kernel's VmHWM), and, with
// --kill-after, first kills an ingest after that many seconds and shows the next run resuming.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { runIngestProcess, type IngestRun } from './run-ingest-process.js';
import { writeBigExport } from './write-big-export.js';

const { values } = parseArgs({
  options: { mib: { type: 'string' }, 'kill-after': { type: 'string' }, out: { type: 'string' }, keep: { type: 'boolean' } },
});
const mib = Number(values.mib ?? 1024);
const killAfter = values['kill-after'] === undefined ? undefined : Number(values['kill-after']);
if (!(mib > 0) || (killAfter !== undefined && !(killAfter > 0))) {
  process.stderr.write('usage: run-big-export-cli [--mib N] [--kill-after SECONDS] [--out FILE] [--keep]\n');
  process.exit(2);
}
const cwd = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-big-export-'));
const file = path.join(dir, 'export.jsonl');
const env = { NEWSBOT_HOME: path.join(dir, 'home'), EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'warn' };
const bin = path.resolve(cwd, 'bin/newsbot.js');
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)));

try {
  const text = await loadBenchText({ squadFile: path.resolve(cwd, 'data/cmrc2018/cmrc2018_dev.json.gz'), samplePage: path.resolve(cwd, 'data/zhuzhou-daily-page.md') });
  const writing = performance.now();
  const written = writeBigExport(text, file, mib * 1024 * 1024);
  process.stderr.write(
    `wrote ${(written.bytes / 2 ** 20).toFixed(0)} MiB, ${written.records} records (${written.chunks} chunks) in ${((performance.now() - writing) / 1000).toFixed(0)} s\n`,
  );
  const runs: { name: string; loadBefore: number[]; run: IngestRun }[] = [];
  const run = async (name: string, killAfterSeconds?: number) => {
    const loadBefore = load();
    const result = await runIngestProcess({ bin, file, env, killAfterSeconds });
    process.stderr.write(`${name}: ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMiB} MiB, exit ${result.exitCode}${result.killed ? ' (killed)' : ''}\n`);
    runs.push({ name, loadBefore, run: result });
    return result;
  };
  if (killAfter !== undefined) {
    await run('interrupted', killAfter);
    await run('resumed');
  } else await run('whole');
  await run('again');
  const report = {
    file: { mib: Number((written.bytes / 2 ** 20).toFixed(1)), records: written.records, chunks: written.chunks },
    machine: { cpus: os.cpus().length, totalMemGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)), loadAfter: load(), shared: true },
    runs: runs.map(({ name, loadBefore, run: result }) => ({
      name,
      seconds: Number(result.seconds.toFixed(1)),
      mibPerSecond: Number((written.bytes / 2 ** 20 / result.seconds).toFixed(2)),
      peakRssMiB: result.peakRssMiB,
      exitCode: result.exitCode,
      killed: result.killed,
      loadBefore,
      report: result.report,
    })),
  };
  const summary = JSON.stringify(report, (key, value) => (key === 'errors' && Array.isArray(value) ? value.slice(0, 5) : value), 2);
  if (values.out) fs.writeFileSync(path.resolve(cwd, values.out), `${summary}\n`);
  process.stdout.write(`${summary}\n`);
} finally {
  if (values.keep) process.stderr.write(`kept ${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
