import { isMailUrl } from '../sites/mail-hosts';

/** Our own id and page origin (`chrome-extension://<id>/`; Firefox uses a per-install uuid). */
export interface ExtensionIdentity {
  id: string;
  origin: string;
}

/** The parts of `runtime.MessageSender` we judge a message by. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

/**
 * Only our own extension pages (the sidebar iframe, options) and our content scripts on the
 * mail hosts may talk to the background. Another extension, or a page reaching us some other
 * way, is refused.
 */
export function isTrustedSender(sender: SenderInfo, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id) return false;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return true;
  // A content script: its frame must be on a mail host.
  return sender.tab !== undefined && isMailUrl(url);
}

/** One line naming the sender, for the rejection log (never the message content). */
export function describeSender(sender: SenderInfo): string {
  const where = sender.url ? new URL(sender.url).origin : 'unknown origin';
  return `${sender.id ?? 'no extension id'} @ ${where}`;
}
