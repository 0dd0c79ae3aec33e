import cliProgress from 'cli-progress';

/** A progress reporter: a bar on a terminal, nothing otherwise (logs stay clean). */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Starts a progress bar on stderr when `interactive`, else a silent one. */
export function startProgress(interactive: boolean, label: string, total: number): Progress {
  if (!interactive || total === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(Math.min(done, total)), stop: () => bar.stop() };
}
