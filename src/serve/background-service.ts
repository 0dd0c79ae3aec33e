/** A long-running job started and stopped with the bot (digest scheduler, feed poller…). */
export interface BackgroundService {
  /** Shown in logs. */
  readonly name?: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}
