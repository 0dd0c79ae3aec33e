import type { QueueProgress } from '../../store/embedding-queue.js';

/** "1200/5000 chunks embedded (24%) · 45.0 chunks/s · ETA 1m 24s · 2 workers" */
export function formatQueueProgress(progress: QueueProgress): string {
  const percent = progress.totalChunks === 0 ? 100 : Math.floor((progress.doneChunks / progress.totalChunks) * 100);
  const rate = progress.chunksPerSecond === null ? 'rate not known yet' : `${progress.chunksPerSecond.toFixed(1)} chunks/s`;
  const eta = progress.etaSeconds === null ? 'ETA unknown' : `ETA ${formatDuration(progress.etaSeconds)}`;
  const workers = `${progress.activeWorkers} worker${progress.activeWorkers === 1 ? '' : 's'} busy`;
  const jobs = `${progress.pendingJobs} jobs waiting`;
  return `${progress.doneChunks}/${progress.totalChunks} chunks embedded (${percent}%) · ${rate} · ${eta} · ${workers} · ${jobs}`;
}

/** 84 → "1m 24s"; 7322 → "2h 2m". */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${whole % 60}s`;
  return `${Math.floor(whole / 3600)}h ${Math.floor((whole % 3600) / 60)}m`;
}
