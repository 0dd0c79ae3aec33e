// Thin launcher of the scale-out bench (docs/performance.md, "Scale-out (PostgreSQL)"): run from the project folder.
import { scaleOutMain } from './scale-out-main.js';

process.exitCode = await scaleOutMain(process.argv.slice(2), process.env);
