import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Lower-case hex rather than base64url: gateways that re-wrap links (URL Defense turns '_' into '/'
// and escapes '-') and scanners that change case cannot turn one token into another.
const bare = /^[0-9a-f]{32}$/;
const tagged = /^[0-9a-f]{44}$/;

export interface TokenCodec {
  mint(): string;
  /** The canonical token when well formed (and correctly tagged when a secret is set), else null. */
  check(candidate: string): string | null;
}

export function createTokenCodec(secret: string): TokenCodec {
  const tagOf = (id: string) => createHmac('sha256', secret).update(id).digest('hex').slice(0, 12);
  return {
    mint() {
      const id = randomBytes(16).toString('hex');
      return secret ? id + tagOf(id) : id;
    },
    check(candidate) {
      const token = candidate.length <= 44 ? candidate.toLowerCase() : '';
      if (!secret) return bare.test(token) ? token : null;
      if (!tagged.test(token)) return null;
      const expected = Buffer.from(tagOf(token.slice(0, 32)));
      return timingSafeEqual(expected, Buffer.from(token.slice(32))) ? token : null;
    },
  };
}
