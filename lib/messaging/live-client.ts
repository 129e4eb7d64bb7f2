import { type Browser, browser } from 'wxt/browser';
import {
  LIVE_PORT_NAME,
  type LiveClientMessage,
  type LiveServerMessage,
  type ProtocolError,
  type QueryArgs,
  type QueryName,
  type QueryResult,
} from './protocol';

interface Subscriber {
  name: QueryName;
  args: unknown;
  onResult: (value: unknown) => void;
  onError: (error: ProtocolError) => void;
}

export type ConnectionState = 'connected' | 'reconnecting';

/**
 * One port per UI context carries every live query. When the service worker stops the port
 * disconnects; we reconnect at once (which wakes the worker) and resubscribe everything, so a
 * UI never shows data that has stopped updating.
 */
export class LiveQueryClient {
  private port: Browser.runtime.Port | undefined;
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private reconnects = 0;
  private state: ConnectionState = 'connected';

  constructor(
    private readonly connect: () => Browser.runtime.Port = () => browser.runtime.connect({ name: LIVE_PORT_NAME }),
  ) {}

  subscribe<N extends QueryName>(
    name: N,
    args: QueryArgs<N>,
    onResult: (value: QueryResult<N>) => void,
    onError: (error: ProtocolError) => void = () => {},
  ): () => void {
    const subId = crypto.randomUUID();
    this.subscribers.set(subId, { name, args, onResult: onResult as (value: unknown) => void, onError });
    this.send({ kind: 'subscribe', subId, name, args });
    return () => {
      this.subscribers.delete(subId);
      this.send({ kind: 'unsubscribe', subId });
    };
  }

  onConnectionState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private send(message: LiveClientMessage): void {
    try {
      this.ensurePort().postMessage(message);
    } catch {
      // The port died under us; the reconnect resubscribes every current subscriber.
      this.reconnect();
    }
  }

  private ensurePort(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = this.connect();
    port.onMessage.addListener((message: unknown) => this.receive(message as LiveServerMessage));
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      this.reconnect();
    });
    this.port = port;
    return port;
  }

  private reconnect(): void {
    this.port = undefined;
    this.setState('reconnecting');
    // Back off only when reconnecting keeps failing (e.g. the extension was updated).
    const delay = Math.min(2000, this.reconnects++ === 0 ? 0 : 100 * 2 ** this.reconnects);
    setTimeout(() => {
      try {
        const port = this.ensurePort();
        for (const [subId, subscriber] of this.subscribers) {
          port.postMessage({
            kind: 'subscribe',
            subId,
            name: subscriber.name,
            args: subscriber.args,
          } satisfies LiveClientMessage);
        }
      } catch {
        this.reconnect();
      }
    }, delay);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private receive(message: LiveServerMessage): void {
    const subscriber = this.subscribers.get(message.subId);
    if (!subscriber) return;
    this.reconnects = 0;
    this.setState('connected');
    if (message.kind === 'result') subscriber.onResult(message.value);
    else subscriber.onError(message.error);
  }
}
