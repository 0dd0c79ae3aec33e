// The README's configuration table and .env.example describe the same settings and the same staff commands.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-cli.js';

const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const ENV_EXAMPLE = fs.readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');

function envExampleVariables(): string[] {
  return [...ENV_EXAMPLE.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!).sort();
}

function readmeTableVariables(): string[] {
  const section = README.slice(README.indexOf('## Configuration'), README.indexOf('## Telegram bot'));
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]!).sort();
}

/** The comment lines right above `NAME=` in .env.example. */
function commentAbove(variable: string): string {
  const lines = ENV_EXAMPLE.split('\n');
  const comment: string[] = [];
  for (let index = lines.findIndex((line) => line.startsWith(`${variable}=`)) - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    if (!line.startsWith('# ') || line.startsWith('# ---') || /^# ?[A-Z][A-Z0-9_]+=/.test(line)) break;
    comment.unshift(line);
  }
  return comment.join('\n');
}

function commandsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\/([a-z]+)\b/g)].map((match) => match[1]!))].sort();
}

describe('README and .env.example', () => {
  it('document the same variables', () => {
    expect(envExampleVariables()).toContain('WEBHOOK_SECRET');
    expect(readmeTableVariables()).toEqual(envExampleVariables());
  });

  it('list the same staff commands', () => {
    const readmeRow = /^\| `STAFF_USER_IDS` \|.*$/m.exec(README)?.[0] ?? '';
    const staff = ['addchannel', 'check', 'pin', 'pins', 'removechannel', 'search', 'stats', 'unanswered', 'unpin'];
    expect(commandsIn(readmeRow)).toEqual(staff);
    expect(commandsIn(commentAbove('STAFF_USER_IDS'))).toEqual(staff);
    // The bot's command table marks the same ones as staff-only.
    const staffRows = README.split('\n').filter((line) => /^\| `\/[a-z]/.test(line) && line.includes('| staff |'));
    expect(commandsIn(staffRows.join('\n'))).toEqual(staff);
  });
});
