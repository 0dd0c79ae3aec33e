// One behaviour for every adapter of the editors' pins: the same tests run against SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import type { PinStore } from '../../../src/store/pin-store.js';

/** A fresh, empty store; `other` opens a second connection to the same data, as another worker would. */
export interface PinStoreFixture {
  pins: PinStore;
  other(): Promise<PinStore>;
  close(): Promise<void>;
}

/** Registers the contract tests for one backend. */
export function pinStoreContract(backend: string, open: () => Promise<PinStoreFixture>): void {
  describe(`pins on ${backend}`, () => {
    const fixtures: PinStoreFixture[] = [];
    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) await fixture.close();
    });
    const fresh = async (): Promise<PinStoreFixture> => {
      const fixture = await open();
      fixtures.push(fixture);
      return fixture;
    };

    it('adds pins with increasing ids and lists them oldest first, field for field', async () => {
      const { pins } = await fresh();
      expect(await pins.list()).toEqual([]);
      const first = await pins.add({ question: '城南体育馆什么时候开放？', answer: '10月1日重新开放。', articleId: 'gym' });
      const second = await pins.add({ question: 'Is the library open on Sundays?', answer: 'Yes, 9:00–17:00.', articleId: null });
      expect(second.id).toBeGreaterThan(first.id);
      expect(first).toEqual({ id: expect.any(Number), question: '城南体育馆什么时候开放？', answer: '10月1日重新开放。', articleId: 'gym', createdAt: expect.any(Date) });
      expect(await pins.list()).toEqual([first, second]);
    });

    it('removes a pin once; unknown and impossible ids remove nothing', async () => {
      const { pins } = await fresh();
      const pin = await pins.add({ question: 'q', answer: 'a', articleId: null });
      expect(await pins.remove(pin.id + 100)).toBe(false);
      expect(await pins.remove(-1)).toBe(false);
      expect(await pins.remove(Number.MAX_SAFE_INTEGER + 2)).toBe(false);
      expect(await pins.remove(pin.id)).toBe(true);
      expect(await pins.remove(pin.id)).toBe(false);
      expect(await pins.list()).toEqual([]);
    });

    it('a pin added through one connection is listed and removable through another (another worker)', async () => {
      const fixture = await fresh();
      const pin = await fixture.pins.add({ question: '地铁5号线什么时候通车？', answer: '年底。', articleId: 'metro' });
      const other = await fixture.other();
      expect(await other.list()).toEqual([pin]);
      expect(await other.remove(pin.id)).toBe(true);
      expect(await fixture.pins.list()).toEqual([]);
    });
  });
}
