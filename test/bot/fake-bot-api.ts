// A loopback Bot API for integration tests: the `telegram-test-api` emulator, plus what it lacks
// (long-polling getUpdates, inline queries, chat actions, command menus, webhooks with the secret header,
// sendDocument uploads as multipart/form-data, stored as bot messages with a `document`, Bot API 9.3's
// sendMessageDraft once `enableDrafts()` is called; any update, such as message_reaction, through `pushUpdate`),
// a record of every call the bot makes, and injected failures (429 with retry_after, 5xx).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

/** One Bot API call made by the bot, in arrival order. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** HTTP status the fake answered with. */
  status: number;
  at: number;
}

/** An error the fake answers with instead of serving the call. */
export interface InjectedFailure {
  errorCode: number;
  description: string;
  retryAfterSeconds?: number;
}

/** A file the bot uploaded with sendDocument. */
export interface SentDocument {
  token: string;
  chatId: number;
  /** The id of the bot message that carries it (also in `emulator.storage.botMessages`). */
  messageId: number;
  fileName: string;
  mimeType: string;
  caption: string | undefined;
  content: Buffer;
}

/** One sendMessageDraft call the fake accepted: a private chat's ephemeral preview, never a stored message. */
export interface SentDraft {
  chatId: number;
  draftId: number;
  text: string;
  parseMode: string | undefined;
}

/** A webhook registered with setWebhook; the fake delivers updates there with the secret header. */
export interface RegisteredWebhook {
  url: string;
  secretToken: string | null;
}

/** Methods the emulator serves itself. */
const EMULATOR_METHODS = new Set(['getMe', 'sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'answerCallbackQuery', 'deleteMessage']);

/** Methods this fake answers `true` to (recorded, nothing else). */
const ACKNOWLEDGED_METHODS = new Set(['sendChatAction', 'answerInlineQuery', 'setMyCommands', 'deleteMyCommands', 'setMyDescription', 'setChatMenuButton']);

/** Longest a getUpdates call is held open when there is nothing to deliver. */
const MAX_LONG_POLL_MS = 5_000;

/** A Bot API on 127.0.0.1 (random port) for the bot under test. */
export class FakeBotApi {
  /** Every call, in order (getUpdates included). */
  readonly calls: RecordedCall[] = [];
  /** Webhook deliveries: update id and the HTTP status the bot answered. */
  readonly webhookDeliveries: Array<{ updateId: number; status: number }> = [];
  /** Files uploaded with sendDocument, in order. */
  readonly documents: SentDocument[] = [];
  /** Drafts accepted by sendMessageDraft (after `enableDrafts()`), in order. */
  readonly drafts: SentDraft[] = [];
  private draftsEnabled = false;
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly customMethods = new Map<string, (payload: Record<string, unknown>, token: string) => unknown>();
  private readonly extraUpdates: Array<{ token: string; update: Record<string, unknown> }> = [];
  private readonly pollWaiters = new Set<{ token: string; respond: () => void }>();
  private readonly webhooks = new Map<string, RegisteredWebhook>();
  private delivering = Promise.resolve();

  private constructor(
    /** The emulator: bot messages live in `emulator.storage.botMessages`. */
    readonly emulator: TelegramServer,
    private readonly server: http.Server,
    /** TELEGRAM_API_ROOT for the bot. */
    readonly apiRoot: string,
  ) {
    for (const event of ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery']) emulator.on(event, () => this.updatesArrived());
  }

  /** Starts the fake on 127.0.0.1 with a free port. */
  static async start(): Promise<FakeBotApi> {
    const emulator = new TelegramServer({ host: '127.0.0.1', storeTimeout: 3_600 });
    let fake: FakeBotApi | undefined;
    const server = http.createServer((request, response) => {
      fake!.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeBotApi(emulator, server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** The next call(s) of `method` fail with this error (one failure per call, in order). */
  failNext(method: string, failure: InjectedFailure): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(failure);
    this.failures.set(method, queue);
  }

  /**
   * Serves `method` with `handler` (its return value becomes `result`), e.g. getChatMember or getChat, which
   * neither the emulator nor this fake knows. Overrides the built-in handling of that method.
   */
  handleMethod(method: string, handler: (payload: Record<string, unknown>, token: string) => unknown): void {
    this.customMethods.set(method, handler);
  }

  /** Serves sendMessageDraft as Bot API 9.3 does (private chats only); until then it is "method not found", as before 9.3. */
  enableDrafts(): void {
    this.draftsEnabled = true;
  }

  /** Calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The webhook the bot registered, if any. */
  webhookOf(token: string): RegisteredWebhook | undefined {
    return this.webhooks.get(token);
  }

  /** The update id the emulator gives the next update. */
  nextUpdateId(): number {
    return (this.emulator as unknown as { updateId: number }).updateId;
  }

  /** Queues an update the emulator cannot make (an inline query…); returns its update id. */
  pushUpdate(token: string, update: Record<string, unknown>): number {
    const state = this.emulator as unknown as { updateId: number };
    const updateId = state.updateId;
    state.updateId += 1;
    this.extraUpdates.push({ token, update: { update_id: updateId, ...update } });
    this.updatesArrived();
    return updateId;
  }

  async stop(): Promise<void> {
    for (const waiter of [...this.pollWaiters]) waiter.respond();
    await this.delivering;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(request.url ?? '');
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const [, token = '', method = ''] = match;
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      const payload = await readJson(request);
      const body = {
        ok: false,
        error_code: failure.errorCode,
        description: failure.description,
        ...(failure.retryAfterSeconds !== undefined ? { parameters: { retry_after: failure.retryAfterSeconds } } : {}),
      };
      this.reply(response, method, payload, failure.errorCode, body);
      return;
    }
    const custom = this.customMethods.get(method);
    if (custom) {
      const payload = await readJson(request);
      return this.reply(response, method, payload, 200, { ok: true, result: await custom(payload, token) });
    }
    if (EMULATOR_METHODS.has(method)) {
      response.once('finish', () => this.record(method, (request as { body?: Record<string, unknown> }).body ?? {}, response.statusCode));
      (this.emulator as unknown as { webServer: http.RequestListener }).webServer(request, response);
      return;
    }
    if (method === 'sendDocument') return this.sendDocument(token, request, response);
    const payload = await readJson(request);
    if (method === 'getUpdates') return this.getUpdates(token, payload, request, response);
    if (ACKNOWLEDGED_METHODS.has(method)) return this.reply(response, method, payload, 200, { ok: true, result: true });
    if (method === 'sendMessageDraft' && this.draftsEnabled) return this.sendMessageDraft(response, payload);
    if (method === 'getMyCommands') return this.reply(response, method, payload, 200, { ok: true, result: [] });
    if (method === 'setWebhook') {
      this.webhooks.set(token, { url: String(payload.url), secretToken: typeof payload.secret_token === 'string' ? payload.secret_token : null });
      this.reply(response, method, payload, 200, { ok: true, result: true });
      this.updatesArrived();
      return;
    }
    if (method === 'deleteWebhook') {
      this.webhooks.delete(token);
      return this.reply(response, method, payload, 200, { ok: true, result: true });
    }
    if (method === 'getWebhookInfo') {
      const url = this.webhooks.get(token)?.url ?? '';
      return this.reply(response, method, payload, 200, { ok: true, result: { url, has_custom_certificate: false, pending_update_count: 0 } });
    }
    this.reply(response, method, payload, 404, { ok: false, error_code: 404, description: `Not Found: method ${method} is not in the fake Bot API` });
  }

  private getUpdates(token: string, payload: Record<string, unknown>, _request: http.IncomingMessage, response: http.ServerResponse): void {
    // Two pollers of one bot: Telegram ends one of the overlapping getUpdates with this 409; here, the newcomer's.
    if ([...this.pollWaiters].some((waiter) => waiter.token === token)) {
      this.reply(response, 'getUpdates', payload, 409, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
      return;
    }
    const waitMs = Math.min(Number(payload.timeout ?? 0) * 1000, MAX_LONG_POLL_MS);
    const waiter = {
      token,
      respond: () => {
        this.pollWaiters.delete(waiter);
        clearTimeout(timer);
        if (response.writableEnded || response.destroyed) return;
        this.reply(response, 'getUpdates', payload, 200, { ok: true, result: this.takeUpdates(token) });
      },
    };
    const timer = setTimeout(waiter.respond, waitMs);
    // The response's close (not the request's: that fires once the body is read) means the client went away.
    response.once('close', () => {
      this.pollWaiters.delete(waiter);
      clearTimeout(timer);
    });
    if (this.hasUpdates(token) || waitMs === 0) waiter.respond();
    else this.pollWaiters.add(waiter);
  }

  /**
   * Accepts an uploaded file (multipart/form-data, as bots send local files) or a file_id/URL string (JSON),
   * keeps its bytes in `documents` and stores the message in the emulator like any other bot message.
   */
  private async sendDocument(token: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const contentType = request.headers['content-type'] ?? '';
    const fields: Record<string, unknown> = {};
    let file: { name: string; type: string; content: Buffer } | null = null;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.invalid/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit).formData();
      for (const [name, value] of form) {
        if (typeof value === 'string') fields[name] = value;
        else if (name === 'document') file = { name: value.name, type: value.type, content: Buffer.from(await value.arrayBuffer()) };
      }
    } else {
      Object.assign(fields, await readJson(request));
    }
    const document = file ?? (typeof fields.document === 'string' ? { name: 'remote', type: '', content: Buffer.alloc(0) } : null);
    if (fields.chat_id === undefined || !document) {
      this.reply(response, 'sendDocument', fields, 400, { ok: false, error_code: 400, description: 'Bad Request: there is no document in the request' });
      return;
    }
    const description = {
      file_id: `document-${this.documents.length + 1}`,
      file_unique_id: `u${this.documents.length + 1}`,
      file_name: document.name,
      mime_type: document.type,
      file_size: document.content.length,
    };
    const { document: _upload, ...messageFields } = fields;
    const message = this.emulator.addBotMessage({ ...messageFields, document: description } as never, token) as unknown as { message_id: number };
    this.documents.push({
      token,
      chatId: Number(fields.chat_id),
      messageId: message.message_id,
      fileName: document.name,
      mimeType: document.type,
      caption: typeof fields.caption === 'string' ? fields.caption : undefined,
      content: document.content,
    });
    this.reply(response, 'sendDocument', { ...messageFields, document: description }, 200, { ok: true, result: message });
  }

  private sendMessageDraft(response: http.ServerResponse, payload: Record<string, unknown>): void {
    const chatId = Number(payload.chat_id);
    const draftId = Number(payload.draft_id);
    const text = typeof payload.text === 'string' ? payload.text : '';
    const problem = !(chatId > 0)
      ? 'chat is not a private chat'
      : !Number.isInteger(draftId) || draftId === 0
        ? 'draft_id must be non-zero'
        : text.length > 4096
          ? 'text is too long'
          : null;
    if (problem) {
      this.reply(response, 'sendMessageDraft', payload, 400, { ok: false, error_code: 400, description: `Bad Request: ${problem}` });
      return;
    }
    this.drafts.push({ chatId, draftId, text, parseMode: typeof payload.parse_mode === 'string' ? payload.parse_mode : undefined });
    this.reply(response, 'sendMessageDraft', payload, 200, { ok: true, result: true });
  }

  private hasUpdates(token: string): boolean {
    return this.emulator.storage.userMessages.some((update) => update.botToken === token && !update.isRead) || this.extraUpdates.some((entry) => entry.token === token);
  }

  private takeUpdates(token: string): Array<Record<string, unknown>> {
    const fromEmulator = this.emulator.getUpdates(token) as Array<Record<string, unknown>>;
    const extra: Array<Record<string, unknown>> = [];
    for (let index = this.extraUpdates.length - 1; index >= 0; index -= 1) {
      if (this.extraUpdates[index]!.token === token) extra.unshift(this.extraUpdates.splice(index, 1)[0]!.update);
    }
    return [...fromEmulator, ...extra].sort((left, right) => Number(left.update_id) - Number(right.update_id));
  }

  private updatesArrived(): void {
    for (const waiter of [...this.pollWaiters]) {
      if (this.webhooks.has(waiter.token) || this.hasUpdates(waiter.token)) waiter.respond();
    }
    for (const [token, webhook] of this.webhooks) {
      if (this.hasUpdates(token)) this.delivering = this.delivering.then(() => this.deliver(token, webhook));
    }
  }

  private async deliver(token: string, webhook: RegisteredWebhook): Promise<void> {
    for (const update of this.takeUpdates(token)) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
      try {
        const delivered = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
        await delivered.arrayBuffer();
        this.webhookDeliveries.push({ updateId: Number(update.update_id), status: delivered.status });
      } catch {
        this.webhookDeliveries.push({ updateId: Number(update.update_id), status: 0 });
      }
    }
  }

  private reply(response: http.ServerResponse, method: string, payload: Record<string, unknown>, status: number, body: unknown): void {
    this.record(method, payload, status);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private record(method: string, payload: Record<string, unknown>, status: number): void {
    this.calls.push({ method, payload, status, at: Date.now() });
  }
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}
