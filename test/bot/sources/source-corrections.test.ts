// A corrected article's source card and /source say 更正于 <date> with the correction, through the Bot API emulator.
import { afterAll, beforeAll, describe } from 'vitest';
import { type BotHarness, startBotHarness } from '../harness.js';
import { NOTICE, SEWAGE, sourceCorrectionTests } from './source-corrections-scenario.js';

describe('corrections in the bot', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ ingestSamplePage: false, articles: [SEWAGE, NOTICE], env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  sourceCorrectionTests(() => harness);
});
