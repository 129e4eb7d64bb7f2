import type { Config } from '../config.ts';
import type { MessageRecord, Repository } from '../storage/repository.ts';
import { isUntrackedRecipient, redirectTargetFor } from './link-policy.ts';
import type { TokenCodec } from './tokens.ts';

export interface RegisterInput {
  messageId: string;
  sentAt: string;
  recipients?: string[];
  links: string[];
  track?: boolean;
}

export interface Registration {
  messageId: string;
  pixelUrl: string;
  clickUrls: (string | null)[];
  tracking: boolean;
}

export type RegisterResult =
  | { ok: true; registration: Registration }
  | { ok: false; code: 'message_conflict'; message: string };

export function describeRegistration(message: MessageRecord, publicBaseUrl: string): Registration {
  return {
    messageId: message.messageId,
    pixelUrl: `${publicBaseUrl}/o/${message.token}.gif`,
    clickUrls: message.links.map((l) => (l.url ? `${publicBaseUrl}/c/${message.token}/${l.index}` : null)),
    tracking: message.tracking,
  };
}

/** Mints the message's token and stores its links; a retry with the same links gets the same URLs. */
export async function registerMessage(
  deps: { repo: Repository; config: Config; tokens: TokenCodec; now: () => number },
  accountId: number,
  input: RegisterInput,
): Promise<RegisterResult> {
  const { repo, config } = deps;
  const recipients = input.recipients ?? [];
  const tracking =
    input.track !== false && !recipients.some((r) => isUntrackedRecipient(r, config.untrackedRecipientDomains));
  const links = input.links.map((link, index) => ({
    index,
    url: tracking ? redirectTargetFor(link, config.untrackedLinkDomains) : null,
  }));
  const existing = await repo.findMessage(accountId, input.messageId);
  const stored =
    existing ??
    (await repo.insertMessage(
      {
        accountId,
        messageId: input.messageId,
        token: deps.tokens.mint(),
        sentAt: Date.parse(input.sentAt),
        tracking,
        recipients,
        links,
      },
      deps.now(),
    ));
  const same = stored.links.length === links.length && stored.links.every((l, i) => l.url === links[i]?.url);
  if (!same) {
    return {
      ok: false,
      code: 'message_conflict',
      message: `message ${input.messageId} is already registered with other links`,
    };
  }
  return { ok: true, registration: describeRegistration(stored, config.publicBaseUrl) };
}
