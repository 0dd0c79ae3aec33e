import { describe, expect, test } from 'vitest';
import { splitHtmlMessage } from '../../src/telegram/split-html-message.js';
import { htmlToText } from '../../src/telegram/html-tokens.js';
import { escapeHtml } from '../../src/telegram/escape-html.js';
import { htmlProblems } from '../bot/support/html-validity.js';
import { seededRandom as random } from '../helpers/seeded-random.js';

const WORDS = ['株洲', '新建', '爱心驿站', '80家', '。', '！', '？', 'the', 'bot', '3.5', '&', '<b>', '"', '😀', ' ', '，', '“引号”', '\n', '\n\n'];

function randomHtml(next: () => number, size: number): string {
  const pieces: string[] = [];
  while (pieces.join('').length < size) {
    const roll = next();
    const words = Array.from({ length: 1 + Math.floor(next() * 30) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join('');
    const text = escapeHtml(words);
    if (roll < 0.15) pieces.push(`<b>${text}</b>`);
    else if (roll < 0.25) pieces.push(`<a href="https://example.com/a?x=1&amp;y=2">${text}</a>`);
    else if (roll < 0.3) pieces.push(`<blockquote>${text}<i>${text}</i></blockquote>`);
    else pieces.push(text);
  }
  return pieces.join('');
}

const strip = (text: string) => text.replace(/\s+/g, '');

describe('splitHtmlMessage', () => {
  test('returns short messages unchanged', () => {
    expect(splitHtmlMessage('<b>hi</b> &amp; bye')).toEqual(['<b>hi</b> &amp; bye']);
  });

  test('prefers paragraph breaks, then sentence ends', () => {
    const paragraph = '第一句话。'.repeat(10);
    const parts = splitHtmlMessage(`${paragraph}\n\n${paragraph}`, 60);
    expect(parts[0]).toBe(`${paragraph}\n\n`);
    const sentences = splitHtmlMessage('一二三四五。六七八九十。甲乙丙丁戊。', 14);
    expect(sentences).toEqual(['一二三四五。六七八九十。', '甲乙丙丁戊。']);
  });

  test('closes and re-opens a tag that spans a cut', () => {
    const parts = splitHtmlMessage(`<blockquote>${'句子很长。'.repeat(20)}</blockquote>`, 60);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.startsWith('<blockquote>')).toBe(true);
      expect(part.endsWith('</blockquote>')).toBe(true);
      expect(htmlProblems(part)).toEqual([]);
    }
  });

  test('never cuts inside a link when a boundary outside exists', () => {
    const link = '<a href="https://example.com/x">一个。很长的。链接。文字。</a>';
    const html = `${'前文。'.repeat(5)}${link}${'后文。'.repeat(5)}`;
    for (const part of splitHtmlMessage(html, 60)) {
      expect(part.includes('<a ') ? part.includes(link) : true).toBe(true);
    }
  });

  test('does not cut "3.5" at its dot', () => {
    const parts = splitHtmlMessage(`${'a'.repeat(8)} 增长3.5个百分点`, 14);
    expect(parts.join('|')).not.toContain('3.|5');
  });

  test('property: every part fits, is valid HTML, has text, and together they keep all the text', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const limit = 150 + Math.floor(next() * 400); // above the longest tag plus its re-opened parents
      const html = randomHtml(next, Math.floor(next() * 3000));
      const parts = splitHtmlMessage(html, limit);
      for (const part of parts) {
        expect(part.length, `seed ${seed}`).toBeLessThanOrEqual(limit);
        expect(htmlProblems(part), `seed ${seed}: ${part}`).toEqual([]);
        expect(strip(htmlToText(part)).length, `seed ${seed}`).toBeGreaterThan(0);
      }
      expect(strip(parts.map(htmlToText).join('')), `seed ${seed}`).toBe(strip(htmlToText(html)));
    }
  });

  test('property: surrogate pairs (emoji) are never split', () => {
    const html = '😀'.repeat(500);
    for (const part of splitHtmlMessage(html, 33)) expect(part).toMatch(/^(😀)+$/u);
  });
});
