import { useEffect, useState } from 'preact/hooks';
import { type ConnectionState, LiveQueryClient } from './live-client';
import type { ProtocolError, QueryArgs, QueryName, QueryResult } from './protocol';

let client: LiveQueryClient | undefined;

/** The one live-query connection of this UI context. */
export function getLiveClient(): LiveQueryClient {
  client ??= new LiveQueryClient();
  return client;
}

export type LiveValue<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ProtocolError };

/**
 * Subscribes while mounted; re-subscribes when the arguments change (compared by value). A
 * result always belongs to the current arguments: right after they change it is "loading", never
 * the previous arguments' result. `null` arguments subscribe to nothing (a component that shows
 * one of several queries calls each hook, and only one with arguments).
 */
export function useLiveQuery<N extends QueryName>(name: N, args: QueryArgs<N> | null): LiveValue<QueryResult<N>> {
  const key = args === null ? '' : `${name}:${JSON.stringify(args)}`;
  const [state, setState] = useState<{ key: string; value: LiveValue<QueryResult<N>> }>({
    key,
    value: { status: 'loading' },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `name` and `args` (compared by value).
  useEffect(
    () =>
      args === null
        ? undefined
        : getLiveClient().subscribe(
            name,
            args,
            (value) => setState({ key, value: { status: 'ready', value } }),
            (error) => setState({ key, value: { status: 'error', error } }),
          ),
    [key],
  );
  return state.key === key ? state.value : { status: 'loading' };
}

/** One result of a live query, for a snapshot the UI acts on (select all), not a view that follows changes. */
export function readQueryOnce<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>> {
  return new Promise((resolve, reject) => {
    const unsubscribe = getLiveClient().subscribe(
      name,
      args,
      (value) => {
        queueMicrotask(unsubscribe);
        resolve(value);
      },
      (error) => {
        queueMicrotask(unsubscribe);
        reject(new Error(error.message));
      },
    );
  });
}

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connected');
  useEffect(() => getLiveClient().onConnectionState(setState), []);
  return state;
}
