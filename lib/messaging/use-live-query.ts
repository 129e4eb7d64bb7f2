import { useEffect, useState } from 'preact/hooks';
import type { ProtocolError, QueryArgs, QueryName, QueryResult } from './protocol';
import { LiveQueryClient, type ConnectionState } from './live-client';

let client: LiveQueryClient | undefined;

/** The one live-query connection of this UI context. */
export function getLiveClient(): LiveQueryClient {
  client ??= new LiveQueryClient();
  return client;
}

export type LiveValue<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ProtocolError };

/** Subscribes while mounted; re-subscribes when the arguments change (compared by value). */
export function useLiveQuery<N extends QueryName>(name: N, args: QueryArgs<N>): LiveValue<QueryResult<N>> {
  const [state, setState] = useState<LiveValue<QueryResult<N>>>({ status: 'loading' });
  const key = JSON.stringify(args);
  useEffect(
    () =>
      getLiveClient().subscribe(
        name,
        args,
        (value) => setState({ status: 'ready', value }),
        (error) => setState({ status: 'error', error }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `args`
    [name, key],
  );
  return state;
}

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connected');
  useEffect(() => getLiveClient().onConnectionState(setState), []);
  return state;
}
