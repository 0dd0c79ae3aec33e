import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeBotApi } from './fake-bot-api.js';

const TOKEN = '7000000001:AAtest-token-for-the-loopback-emulator_x';
let api: FakeBotApi;
beforeAll(async () => {
  api = await FakeBotApi.start();
});
afterAll(async () => {
  await api.stop();
});

async function call(method: string, payload: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api.apiRoot}/bot${TOKEN}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('listens on 127.0.0.1 only', () => {
  expect(api.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('unknown methods answer 404 like Telegram; handleMethod adds one', async () => {
  expect(await call('getChatMember', { chat_id: 1, user_id: 2 })).toEqual({ status: 404, body: expect.objectContaining({ ok: false, error_code: 404 }) });
  api.handleMethod('getChatMember', (payload) => ({ status: 'administrator', user: { id: payload.user_id } }));
  expect((await call('getChatMember', { chat_id: 1, user_id: 2 })).body).toEqual({ ok: true, result: { status: 'administrator', user: { id: 2 } } });
});

test('getUpdates holds the request until an update arrives', async () => {
  const polling = call('getUpdates', { timeout: 5 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const updateId = api.pushUpdate(TOKEN, { inline_query: { id: 'q', from: { id: 1 }, query: 'x', offset: '' } });
  const { body } = await polling;
  expect(body.result).toEqual([expect.objectContaining({ update_id: updateId })]);
});

test('injected failures are served once, in order', async () => {
  api.failNext('sendChatAction', { errorCode: 429, description: 'Too Many Requests: retry after 1', retryAfterSeconds: 1 });
  expect(await call('sendChatAction', { chat_id: 1, action: 'typing' })).toEqual({
    status: 429,
    body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
  });
  expect((await call('sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(200);
});

test('sendDocument takes a multipart upload, keeps its bytes and stores it as a bot message', async () => {
  const form = new FormData();
  form.set('chat_id', '42');
  form.set('caption', '<b>全文</b>');
  form.set('parse_mode', 'HTML');
  form.set('document', new Blob(['株洲 full text\n'], { type: 'text/plain' }), 'article.txt');
  const response = await fetch(`${api.apiRoot}/bot${TOKEN}/sendDocument`, { method: 'POST', body: form });
  const body = (await response.json()) as { ok: boolean; result: { message_id: number; document: { file_name: string; file_size: number } } };
  expect(response.status).toBe(200);
  expect(body.result.document).toMatchObject({ file_name: 'article.txt', file_size: Buffer.byteLength('株洲 full text\n') });
  const [document] = api.documents;
  expect(document).toMatchObject({ chatId: 42, fileName: 'article.txt', caption: '<b>全文</b>', messageId: body.result.message_id });
  expect(document!.content.toString('utf8')).toBe('株洲 full text\n');
  const stored = api.emulator.storage.botMessages.at(-1)!.message as unknown as Record<string, unknown>;
  expect(stored).toMatchObject({ chat_id: '42', document: { file_name: 'article.txt' } });
  expect(await call('sendDocument', { chat_id: 42 })).toEqual({ status: 400, body: expect.objectContaining({ ok: false }) });
});
