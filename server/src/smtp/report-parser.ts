import { type ComplaintReport, parseComplaint } from './arf-parser.ts';
import { type DsnReport, parseDsn } from './dsn-parser.ts';
import { parseMime } from './mime.ts';

export type InboundReport = DsnReport | ComplaintReport | { kind: 'unknown'; subject: string };

/** Complaints first: an ARF report quotes the original, which must not be mistaken for a bounce. */
export function parseReport(raw: string): InboundReport {
  const root = parseMime(raw);
  return parseComplaint(root) ?? parseDsn(root) ?? { kind: 'unknown', subject: root.headers.get('subject')?.[0] ?? '' };
}

/** Our token, wherever the report kept it: VERP address, Message-ID, X-ICC-Token, or the quoted return path. */
export function findToken(raw: string, bounceDomain: string): string | null {
  const domain = bounceDomain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`\\bb\\+([0-9a-f]{32}(?:[0-9a-f]{12})?)@${domain}`, 'i'),
    new RegExp(`<([0-9a-f]{32}(?:[0-9a-f]{12})?)@${domain}>`, 'i'),
    /^X-ICC-Token:\s*([0-9a-f]{32}(?:[0-9a-f]{12})?)\s*$/im,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(raw);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}
