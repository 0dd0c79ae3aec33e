import { Telegram } from 'telegraf';
import { type ApiRetryOptions, type BotApiCall, retryBotApiCalls } from './retry-bot-api-calls.js';

type TelegramOptions = NonNullable<ConstructorParameters<typeof Telegram>[1]>;

/**
 * A telegraf Telegram client whose every Bot API call goes through {@link retryBotApiCalls}: the transformer sits
 * on the client once, at creation, instead of being patched onto each update's context.
 */
export class RetryingTelegram extends Telegram {
  readonly #call: BotApiCall;

  constructor(token: string, options: Partial<TelegramOptions> = {}, retryOptions: ApiRetryOptions = {}) {
    super(token, options);
    this.#call = retryBotApiCalls((method, payload, callOptions) => super.callApi(method as never, payload as never, callOptions as never), retryOptions);
  }

  override callApi: Telegram['callApi'] = (method, payload, options) => this.#call(method, payload, options as { signal?: AbortSignal }) as never;
}
