import type { ScaleOutReport } from './run-scale-out.js';

/** The scale-out report as a few lines for a terminal (medians of the runs). */
export function formatScaleOutReport(report: ScaleOutReport): string {
  const lines = [`scale-out bench on ${report.machine.cpu}, ${report.machine.cores} cores (load ${report.machine.loadAverage} → ${report.loadAverageAtEnd}), ${report.seconds} s`];
  for (const build of report.replicaBuild) {
    lines.push(
      `replica build from rows at ${build.chunks} chunks: ${build.median.readySeconds} s to ready, peak RSS ${build.median.peakRssMb ?? '?'} MB, ${build.median.replicaDiskMb} MB on disk`,
    );
    const { seeded } = build;
    lines.push(
      `  opened from a replica seed (interleaved): ${seeded.median.readySeconds} s to ready (×${seeded.readyRatio} of from rows), peak RSS ${seeded.median.peakRssMb ?? '?'} MB; ` +
        `seed ${(seeded.publish.bytes / 1e6).toFixed(1)} MB published in ${seeded.publish.seconds} s (copies ${seeded.publish.copySeconds} s; command ${seeded.publish.commandSeconds} s)`,
    );
    if (build.baseline) {
      lines.push(
        `  baseline (interleaved): ${build.baseline.median.readySeconds} s to ready, peak RSS ${build.baseline.median.peakRssMb ?? '?'} MB; ×${build.baseline.readyRatio} of the baseline's time`,
      );
    }
  }
  for (const point of report.throughput) {
    lines.push(
      `${point.workers} worker(s), ${point.concurrency} in flight: ${point.median.questionsPerSecond} questions/s, p50 ${point.median.p50} ms, p95 ${point.median.p95} ms`,
    );
  }
  for (const ratio of report.scaling) lines.push(`2 vs 1 worker at ${ratio.concurrency} in flight: ×${ratio.questionsPerSecondRatio} questions/s, ×${ratio.p95Ratio} p95`);
  lines.push(
    `replication lag (commit → answerable on ${report.replicationLag.workers} workers): p50 ${report.replicationLag.median.p50} ms, p95 ${report.replicationLag.median.p95} ms`,
  );
  return `${lines.join('\n')}\n`;
}
