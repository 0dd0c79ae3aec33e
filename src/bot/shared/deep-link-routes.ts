import type { BotContext } from './bot-context.js';
import { type DeepLinkKind, parseDeepLinkPayload } from './deep-link-payload.js';

/** Opens what a deep link names (an article id, a topic) in the current chat. */
export type DeepLinkHandler = (ctx: BotContext, value: string) => Promise<void>;

/**
 * Where `/start <payload>` leads: each feature adds the kind it opens (sources `src`, timeline `tl`), so /start opens
 * them without importing another feature.
 */
export interface DeepLinkRoutes {
  add(kind: DeepLinkKind, handler: DeepLinkHandler): void;
  /** Opens the payload's target; resolves false when the payload names nothing known (then /start greets as usual). */
  open(ctx: BotContext, payload: string): Promise<boolean>;
}

/** An empty set of routes, filled as features are created. */
export function createDeepLinkRoutes(): DeepLinkRoutes {
  const handlers = new Map<DeepLinkKind, DeepLinkHandler>();
  return {
    add(kind, handler) {
      handlers.set(kind, handler);
    },
    async open(ctx, payload) {
      const target = parseDeepLinkPayload(payload.trim());
      const handler = target ? handlers.get(target.kind) : undefined;
      if (!target || !handler) return false;
      await handler(ctx, target.value);
      return true;
    },
  };
}
