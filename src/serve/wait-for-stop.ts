const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Resolves with the signal's name on SIGINT/SIGTERM; rejects when the bot stops by itself with an error. */
export async function waitForStop(done: Promise<void>): Promise<string> {
  let onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  const signalled = new Promise<string>((resolve) => {
    onSignal = (signal) => resolve(signal);
    for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  });
  try {
    return await Promise.race([signalled, done.then(() => 'stopped')]);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal!);
  }
}
