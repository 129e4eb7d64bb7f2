import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { type ConnectionState, LiveQueryClient } from './live-client';
import type { LiveClientMessage } from './protocol';

/** A stand-in for runtime.Port that records what the client posts and lets the test play the background. */
function fakePort() {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const posted: LiveClientMessage[] = [];
  const port = {
    name: 'icc.live',
    postMessage: (message: LiveClientMessage) => posted.push(message),
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    disconnect: () => {},
  };
  return {
    port: port as unknown as Browser.runtime.Port,
    posted,
    push: (message: unknown) => {
      for (const listener of messageListeners) listener(message);
    },
    die: () => {
      for (const listener of disconnectListeners) listener();
    },
  };
}

describe('LiveQueryClient', () => {
  it('resubscribes every live query on a new port when the worker goes away, and reports it', async () => {
    vi.useFakeTimers();
    const ports = [fakePort(), fakePort()];
    let opened = 0;
    const client = new LiveQueryClient(() => ports[opened++]!.port);
    const states: ConnectionState[] = [];
    client.onConnectionState((state) => states.push(state));
    const counts: unknown[] = [];
    client.subscribe('folders.counts', {}, (value) => counts.push(value));

    const [first, second] = ports as [ReturnType<typeof fakePort>, ReturnType<typeof fakePort>];
    const subscribe = first.posted[0]!;
    expect(subscribe).toMatchObject({ kind: 'subscribe', name: 'folders.counts' });
    first.push({ kind: 'result', subId: (subscribe as { subId: string }).subId, value: { draft: 1 } });

    first.die();
    expect(states).toEqual(['reconnecting']);
    await vi.runAllTimersAsync();
    expect(second.posted).toEqual([subscribe]); // same subscription, new port
    second.push({ kind: 'result', subId: (subscribe as { subId: string }).subId, value: { draft: 2 } });
    expect(counts).toEqual([{ draft: 1 }, { draft: 2 }]);
    expect(states).toEqual(['reconnecting', 'connected']);
    vi.useRealTimers();
  });

  it('stops delivering after unsubscribe', () => {
    const port = fakePort();
    const client = new LiveQueryClient(() => port.port);
    const seen: unknown[] = [];
    const stop = client.subscribe('demo.status', {}, (value) => seen.push(value));
    const subId = (port.posted[0] as { subId: string }).subId;
    stop();
    expect(port.posted[1]).toEqual({ kind: 'unsubscribe', subId });
    port.push({ kind: 'result', subId, value: { active: true } });
    expect(seen).toEqual([]);
  });
});
