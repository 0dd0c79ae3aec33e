// Command-line conventions: --version, a missing command, configuration errors, and CLI-appropriate texts.
// The first tests run the built launcher (bin/newsbot.js → dist/, `npx tsc -p tsconfig.build.json`), as users do.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES_EN } from '../../src/bot/shared/i18n/messages-en.js';
import { MESSAGES_ZH } from '../../src/bot/shared/i18n/messages-zh.js';
import { PROJECT_ROOT, runCli, SAMPLE_PAGE, temporaryHome } from '../helpers/run-cli.js';

const VERSION = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/newsbot.js …` as a child process, in an empty directory (no .env), with only `env` set. */
function runLauncher(argv: string[], env: Record<string, string> = {}): Promise<ProcessRun> {
  const cwd = temporaryHome('newsbot-cwd-');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin/newsbot.js'), ...argv],
      { cwd, env: { PATH: process.env.PATH ?? '', NEWSBOT_HOME: cwd, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('the newsbot launcher', () => {
  it('--version prints the package.json version and exits 0', async () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    const run = await runLauncher(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('no command prints the help and exits 2', async () => {
    const run = await runLauncher([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: newsbot');
    for (const command of ['ingest', 'ask', 'serve']) expect(run.stderr).toContain(command);
  });

  it('a configuration error exits 2 and names the variable and its value', async () => {
    const run = await runLauncher(['ask', '株洲今年新建多少家爱心驿站？'], { RATE_LIMIT_PER_MINUTE: 'abc' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^newsbot: invalid configuration: RATE_LIMIT_PER_MINUTE=abc: /);
    expect(run.stderr).toContain('.env.example');
  });
});

describe('CLI conventions (in process)', () => {
  it('--version and -V print the version; --help still exits 0', async () => {
    expect(await runCli(['--version'], {})).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect(await runCli(['-V'], {})).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    expect((await runCli(['--help'], {})).code).toBe(0);
    expect((await runCli(['help'], {})).code).toBe(0);
  });

  it('no command is bad usage (exit 2), with the help on stderr', async () => {
    const run = await runCli([], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: newsbot');
  });

  it('every configuration error exits 2 naming the variable; secrets are never echoed', async () => {
    const badStaff = await runCli(['search', '株洲'], { STAFF_USER_IDS: '12,alice', TELEGRAM_BOT_TOKEN: '7000000001:AAsecret-value' });
    expect(badStaff.code).toBe(2);
    expect(badStaff.stderr).toContain('STAFF_USER_IDS=12,alice');
    expect(badStaff.stderr).not.toContain('AAsecret-value');
    const badLevel = await runCli(['ask', '测试'], { LOG_LEVEL: 'loud' });
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('LOG_LEVEL=loud');
  });
});

describe('ask when the archive has no answer', () => {
  const env = { NEWSBOT_HOME: temporaryHome() };
  beforeAll(async () => {
    expect((await runCli(['ingest', SAMPLE_PAGE], env)).code).toBe(0);
  });

  it('does not suggest the bot-only /latest command, in Chinese or English, text or JSON', async () => {
    const chinese = await runCli(['ask', '火星基地的建设预算是多少？'], env);
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('没有找到');
    expect(chinese.stdout).not.toContain('/latest');
    const english = (await runCli(['ask', 'What is the budget of the lunar telescope array?', '--json'], env)).json();
    expect(english.answered).toBe(false);
    expect(english.answer).toContain('could not find');
    expect(english.answer).not.toMatch(/\/\w+/);
  });

  it('the bot keeps pointing its readers to /latest', () => {
    expect(MESSAGES_ZH.noAnswer).toContain('/latest');
    expect(MESSAGES_EN.noAnswer).toContain('/latest');
  });
});
