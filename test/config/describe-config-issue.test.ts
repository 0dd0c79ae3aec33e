import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { describeConfigIssue } from '../../src/config/describe-config-issue.js';

describe('describeConfigIssue', () => {
  it('names the variable and the value given', () => {
    expect(describeConfigIssue({ path: ['RATE_LIMIT_PER_MINUTE'], message: 'expected number' }, { RATE_LIMIT_PER_MINUTE: 'abc' })).toBe(
      'RATE_LIMIT_PER_MINUTE=abc: expected number',
    );
  });

  it('hides values of tokens, keys and secrets, and shortens long values', () => {
    const hidden = describeConfigIssue({ path: ['LLM_API_KEY'], message: 'bad' }, { LLM_API_KEY: 'sk-very-secret' });
    expect(hidden).toBe('LLM_API_KEY=<hidden>: bad');
    const long = describeConfigIssue({ path: ['DIGEST_CRON'], message: 'bad' }, { DIGEST_CRON: 'x'.repeat(500) });
    expect(long.length).toBeLessThan(100);
  });

  it('is what loadConfig reports', () => {
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'abc' })).toThrow(/RATE_LIMIT_PER_MINUTE=abc: /);
  });
});
