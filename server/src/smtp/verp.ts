// VERP: each message's bounces come back to b+<token>@<bounce domain>, so a DSN names its message
// even when the reporting MTA quotes nothing of the original.

export function bounceAddress(token: string, bounceDomain: string): string {
  return `b+${token}@${bounceDomain}`;
}

export function tokenFromBounceAddress(address: string, bounceDomain: string): string | null {
  const match = /^b\+([0-9a-f]{32,44})@(.+)$/i.exec(address.trim().replace(/^<|>$/g, ''));
  return match?.[1] && match[2]?.toLowerCase() === bounceDomain.toLowerCase() ? match[1].toLowerCase() : null;
}

export function originalMessageId(token: string, bounceDomain: string): string {
  return `<${token}@${bounceDomain}>`;
}
