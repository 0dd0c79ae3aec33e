import type { RegisterCommand } from '../cli-context.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerRemoveCommand } from './remove-command.js';
import { registerReindexCommand } from './reindex-command.js';
import { registerAskCommand } from './ask-command.js';
import { registerSearchCommand } from './search-command.js';
import { registerCheckCommand } from './check-command.js';
import { registerDigestCommand } from './digest-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerBenchCommand } from './bench-command.js';
import { registerReportCommand } from './report-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerModelsCommand } from './models-command.js';
import { registerMigrateCommand } from './migrate-command.js';
import { registerWorkCommand } from './work-command.js';
import { registerTimelineCommand } from './timeline-command.js';
import { registerPinCommand } from './pin-command.js';
import { registerSeedCommand } from './seed-command.js';

/** Every `newsbot` subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerIngestCommand,
  registerRemoveCommand,
  registerReindexCommand,
  registerAskCommand,
  registerSearchCommand,
  registerCheckCommand,
  registerDigestCommand,
  registerTimelineCommand,
  registerEvalCommand,
  registerBenchCommand,
  registerReportCommand,
  registerPinCommand,
  registerServeCommand,
  registerWorkCommand,
  registerSeedCommand,
  registerModelsCommand,
  registerMigrateCommand,
];
