import { liveQuery, type Subscription } from 'dexie';
import type { Browser } from 'wxt/browser';
import {
  LIVE_PORT_NAME,
  type LiveServerMessage,
  parseWith,
  type QueryArgs,
  type QueryName,
  type QueryResult,
} from './protocol';
import { queries } from './queries';
import { liveClientMessageSchema } from './request-schemas';
import { describeSender, type ExtensionIdentity, isTrustedSender } from './sender';

/** One runner per live query, typed from its definition in queries.ts. */
export type QueryRunners = {
  [N in QueryName]: (args: QueryArgs<N>) => Promise<QueryResult<N>>;
};

export interface LiveQueryServerDeps {
  self: ExtensionIdentity;
  queries: QueryRunners;
  reject: (reason: string, sender: string, summary: string) => void;
}

/**
 * Serves live queries over one port per UI context: each subscription runs under Dexie's
 * liveQuery, so every committed change that touches its result pushes a fresh one.
 */
export function serveLiveQueries(port: Browser.runtime.Port, deps: LiveQueryServerDeps): void {
  if (port.name !== LIVE_PORT_NAME) return;
  const sender = port.sender ?? {};
  if (!isTrustedSender(sender, deps.self)) {
    deps.reject('unknown sender', describeSender(sender), 'live-query port');
    port.disconnect();
    return;
  }
  const subscriptions = new Map<string, Subscription>();
  const post = (message: LiveServerMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The UI went away between the change and the push; its port's onDisconnect cleans up.
    }
  };

  port.onMessage.addListener((raw: unknown) => {
    const message = parseWith(liveClientMessageSchema, raw);
    if (!message.ok) {
      deps.reject('malformed message', describeSender(sender), message.message);
      return;
    }
    const { subId } = message.value;
    subscriptions.get(subId)?.unsubscribe();
    subscriptions.delete(subId);
    if (message.value.kind === 'unsubscribe') return;

    const { name } = message.value;
    const args = parseWith(queries[name].args, message.value.args);
    if (!args.ok) {
      deps.reject('invalid arguments', describeSender(sender), `${name}: ${args.message}`);
      post({ kind: 'error', subId, error: { code: 'invalid', message: `${name}: ${args.message}` } });
      return;
    }
    const run = deps.queries[name] as (args: unknown) => Promise<unknown>;
    const subscription = liveQuery(() => run(args.value)).subscribe({
      next: (value) => post({ kind: 'result', subId, value }),
      error: (error: unknown) =>
        post({
          kind: 'error',
          subId,
          error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    });
    subscriptions.set(subId, subscription);
  });

  port.onDisconnect.addListener(() => {
    for (const subscription of subscriptions.values()) subscription.unsubscribe();
    subscriptions.clear();
  });
}
