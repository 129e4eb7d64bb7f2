export type FailureKind = 'blocked' | 'hard' | 'soft';

/** Reads an SMTP reply or DSN diagnostic into a kind of failure; 5.7.x is a policy block, not spam. */
export function describeSmtpFailure(
  code: number | null,
  response: string,
): { kind: FailureKind; status: string | null; detail: string } {
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(response)?.[1] ?? null;
  const permanent = (code !== null && code >= 500) || status?.startsWith('5') === true;
  const kind = status?.startsWith('5.7.') ? 'blocked' : permanent ? 'hard' : 'soft';
  const detail = `${status ?? code ?? ''} ${response.replace(/\s+/g, ' ').trim()}`.trim().slice(0, 300);
  return { kind, status, detail };
}
