import { describe, expect, test } from 'vitest';
import { isMethodMissing } from '../../src/telegram/is-method-missing.js';

const failure = (errorCode: number, description: string) => Object.assign(new Error(description), { response: { ok: false, error_code: errorCode, description } });

describe('isMethodMissing', () => {
  test('404, or a 400 saying the method is unknown; nothing else', () => {
    expect(isMethodMissing(failure(404, 'Not Found: method not found'))).toBe(true);
    expect(isMethodMissing(failure(400, 'Bad Request: method not found'))).toBe(true);
    expect(isMethodMissing(failure(400, "Bad Request: can't parse entities"))).toBe(false);
    expect(isMethodMissing(failure(429, 'Too Many Requests: retry after 3'))).toBe(false);
    expect(isMethodMissing(new Error('socket hang up'))).toBe(false);
    expect(isMethodMissing(null)).toBe(false);
  });
});
