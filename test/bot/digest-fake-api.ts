// A tiny loopback Bot API for the digest tests: getMe, sendMessage, getChatMember, getChat and
// setMyCommands over real HTTP (telegraf talks to it through `telegram: { apiRoot }`), with
// per-chat injected errors. The shared harness's emulator has no getChatMember/getChat.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const DIGEST_TEST_BOT = { id: 777, is_bot: true, first_name: 'Digest Bot', username: 'DigestTestBot' } as const;

/** A message the bot sent. */
export interface SentMessage {
  messageId: number;
  chatId: string;
  text: string;
  parseMode: string | undefined;
  payload: Record<string, unknown>;
}

/** A Telegram error body to answer with. */
export interface FakeApiError {
  errorCode: number;
  description: string;
  parameters?: Record<string, unknown>;
}

export class DigestFakeApi {
  readonly calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  readonly sent: SentMessage[] = [];
  /** `${chatId}:${userId}` → ChatMember object. */
  readonly members = new Map<string, Record<string, unknown>>();
  /** chat id (as text) or "@username" (lower case) → Chat object. */
  readonly chats = new Map<string, Record<string, unknown>>();
  /** chat id → errors sendMessage answers with, one per call (the last one repeats when `sticky`). */
  readonly sendErrors = new Map<string, { errors: FakeApiError[]; sticky: boolean }>();
  /** Methods that fail (e.g. getChatMember during an outage). */
  readonly methodErrors = new Map<string, FakeApiError>();
  #nextMessageId = 1;

  private constructor(
    private readonly server: http.Server,
    /** TELEGRAM_API_ROOT for the bot. */
    readonly apiRoot: string,
  ) {}

  static async start(): Promise<DigestFakeApi> {
    let fake: DigestFakeApi | undefined;
    const server = http.createServer((request, response) => void fake!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new DigestFakeApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  /** Makes a user an admin (or any status) of a chat. */
  setMember(chatId: number | string, userId: number, status: string, extra: Record<string, unknown> = {}): void {
    this.members.set(`${chatId}:${userId}`, { status, user: { id: userId, is_bot: userId === DIGEST_TEST_BOT.id, first_name: `User${userId}` }, ...extra });
  }

  /** Registers a chat getChat can find by id and by @username. */
  addChat(chat: { id: number; type: string; title?: string; username?: string }): void {
    this.chats.set(String(chat.id), chat);
    if (chat.username) this.chats.set(`@${chat.username.toLowerCase()}`, chat);
  }

  /** sendMessage to this chat fails with these errors in turn; `sticky` repeats the last one forever. */
  failSends(chatId: number | string, errors: FakeApiError[], sticky = false): void {
    this.sendErrors.set(String(chatId), { errors: [...errors], sticky });
  }

  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((message) => message.chatId === String(chatId));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(request.url ?? '')?.[1] ?? '';
    const payload = await readJson(request);
    this.calls.push({ method, payload });
    const answer = (status: number, body: unknown): void => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const fail = (error: FakeApiError): void =>
      answer(error.errorCode, { ok: false, error_code: error.errorCode, description: error.description, ...(error.parameters ? { parameters: error.parameters } : {}) });
    const methodError = this.methodErrors.get(method);
    if (methodError) return fail(methodError);

    switch (method) {
      case 'getMe':
        return answer(200, { ok: true, result: DIGEST_TEST_BOT });
      case 'setMyCommands':
      case 'deleteMyCommands':
        return answer(200, { ok: true, result: true });
      case 'sendMessage': {
        const chatId = String(payload.chat_id);
        const queued = this.sendErrors.get(chatId);
        if (queued && queued.errors.length > 0) {
          const error = queued.sticky && queued.errors.length === 1 ? queued.errors[0]! : queued.errors.shift()!;
          return fail(error);
        }
        const message: SentMessage = { messageId: this.#nextMessageId++, chatId, text: String(payload.text), parseMode: payload.parse_mode as string | undefined, payload };
        this.sent.push(message);
        return answer(200, {
          ok: true,
          result: { message_id: message.messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId) || chatId, type: 'supergroup' }, text: message.text },
        });
      }
      case 'getChatMember': {
        const member = this.members.get(`${this.resolveChatId(payload.chat_id)}:${payload.user_id}`);
        if (member) return answer(200, { ok: true, result: member });
        return fail({ errorCode: 400, description: 'Bad Request: chat not found' });
      }
      case 'getChat': {
        const chat = this.chats.get(String(payload.chat_id).toLowerCase());
        if (chat) return answer(200, { ok: true, result: chat });
        return fail({ errorCode: 400, description: 'Bad Request: chat not found' });
      }
      default:
        return fail({ errorCode: 404, description: `Not Found: ${method} is not in the digest fake API` });
    }
  }

  private resolveChatId(chatId: unknown): string {
    const text = String(chatId);
    return text.startsWith('@') ? String(this.chats.get(text.toLowerCase())?.id ?? text) : text;
  }
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
