import { createHash, randomBytes } from 'node:crypto';

/** Keys are shown once; only their SHA-256 is stored, so a leaked database holds no usable key. */
export function generateApiKey(): string {
  return `icc_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
