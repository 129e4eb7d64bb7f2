import { storage } from 'wxt/utils/storage';

/** How far the rep's event feed has been read (the server's opaque cursor; '0' = from the start). */
export const eventCursor = storage.defineItem<string>('local:eventCursor', { fallback: '0' });

/** A new server (or key) starts its feed from the beginning. */
export const resetEventCursor = () => eventCursor.setValue('0');
