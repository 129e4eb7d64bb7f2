import type { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { Refusal } from '../errors/refusal';
import { compareResults, countedEngagement } from './predicate';
import { checkQuery } from './query';
import { findMatches } from './run-search';

// CSV of a search's results or a list's members (issue #15, item 5): UTF-8 with a byte-order
// mark (so spreadsheets read it as UTF-8), one row per email, RFC 4180 quoting, and no cell a
// spreadsheet could run as a formula (OWASP "CSV injection": =, +, -, @, tab, CR first).

export type ExportSource = { kind: 'search'; query: unknown } | { kind: 'list'; id: string };

const HEADER = [
  'subject',
  'status',
  'to',
  'names',
  'cc',
  'campaign',
  'created',
  'sent',
  'last activity',
  'views',
  'clicks',
  'replied',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a would-be formula gets a leading apostrophe, anything with , " CR LF is quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());

export function csvOf(
  emails: readonly EmailRecord[],
  campaignNames: ReadonlyMap<string, string>,
  trustedOnly: boolean,
): string {
  const lines = [HEADER.join(',')];
  for (const email of emails) {
    const counted = countedEngagement(email, trustedOnly);
    const cells = [
      email.subject,
      email.status,
      email.to.map((r) => r.address).join('; '),
      email.to.map((r) => r.name ?? '').join('; '),
      (email.cc ?? []).map((r) => r.address).join('; '),
      email.campaignId ? (campaignNames.get(email.campaignId) ?? '') : '',
      iso(email.createdAt),
      iso(email.sentAt),
      iso(email.engagement.lastActivityAt),
      String(counted.views),
      String(counted.clicks),
      email.engagement.replied ? 'yes' : 'no',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV of a source, and a file name to save it under. */
export async function exportCsv(
  db: CommandCenterDb,
  source: ExportSource,
  now: number,
): Promise<{ filename: string; csv: string; rows: number }> {
  let emails: EmailRecord[];
  let trustedOnly = true;
  let name = 'search';
  if (source.kind === 'search') {
    const found = await findMatches(db, source.query);
    if (!Array.isArray(found))
      throw new Refusal(
        'conflict',
        found.problem === 'newer' ? 'This search is from a newer version.' : `The search is not valid: ${found.field}.`,
      );
    emails = found;
    const checked = checkQuery(source.query);
    if (checked.ok) trustedOnly = checked.query.trustedOnly;
  } else {
    const list = await db.savedSearches.get(source.id);
    if (!list || list.deletedAt !== undefined) throw new Refusal('not_found', 'This list no longer exists.');
    name = list.name;
    emails = await db.emails.where('lists').equals(source.id).toArray();
    const checked = checkQuery(list.query);
    if (checked.ok) {
      trustedOnly = checked.query.trustedOnly;
      emails.sort(compareResults(checked.query.sort, trustedOnly));
    }
  }
  const campaigns = new Map((await db.campaigns.toArray()).map((c) => [c.id, c.name]));
  const day = new Date(now).toISOString().slice(0, 10);
  // A file name any system takes: letters and digits of the list's name, dashes between.
  const slug =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'list';
  return { filename: `${slug}-${day}.csv`, csv: csvOf(emails, campaigns, trustedOnly), rows: emails.length };
}
