import { CLASSIFICATIONS, type EmailRecord, type EngagementEventRecord, type Recipient } from '../../lib/db/records.ts';
import type { Random } from '../../lib/demo/random.ts';
import { countEngagement } from '../../lib/emails/engagement.ts';
import { EMAIL_STATUSES } from '../../lib/emails/status.ts';
import { DATE_FIELDS, SORT_ORDERS, TRI_STATES } from '../../lib/search/query.ts';
import { testEmail } from './test-emails.ts';

// Random mailboxes and searches for the search's property test: people named in several scripts
// (with diacritics composed and not, Greek final sigma, Turkish İ whose lower case is longer, CJK
// without spaces, Devanagari with combining vowels), in To, Cc and Bcc; campaigns or none;
// engagement from events of every classification, or from before trusted counts existed; dates
// or none. Queries take their text from the data (so they find things), cut anywhere, in any case.

const PEOPLE: Recipient[] = [
  { name: 'Dana Whitfield', address: 'dana.whitfield@northwind.example' },
  { name: 'Ana Ramos', address: 'ana@eu.northwind.example' },
  { name: 'Zoë Ångström', address: 'zoe@bücher.example' },
  { name: 'Zoe\u0308 Nordqvist', address: 'ZOE.N@Bluefin.example' },
  { name: 'Дмитрий Иванов', address: 'ivanov@почта.рф' },
  { name: '陳台北', address: 'chen@公司.cn' },
  { name: '王小明', address: 'wang.xm@lumen.example' },
  { name: 'ΟΔΥΣΣΕΑΣ Σοφός', address: 'odysseas@sable.example' },
  { name: 'İlkay Şahin', address: 'ilkay@quarry.example' },
  { name: 'प्रिया रमन', address: 'priya@copperleaf.example' },
  { name: 'Straße Meier', address: 'meier@tidewater.example' },
  { address: 'no-name.12@orchard.example' },
];
const SUBJECTS = [
  'Pricing for Q1',
  'Idea for Bluefin Analytics',
  'Встреча в четверг',
  '台北の会議について',
  'Προσφορά για ΟΔΥΣΣΕΑΣ',
  'Café — résumé (draft)',
  'Re: integration questions',
  'नमस्ते दुनिया',
  '',
];
export const CAMPAIGN_IDS = ['c1', 'c2', 'c3'];
const T0 = Date.UTC(2025, 0, 1);
const SPAN = 400 * 86_400_000;

const maybe = <T>(random: Random, p: number, value: () => T): T | undefined => (random.chance(p) ? value() : undefined);
const some = <T>(random: Random, items: readonly T[], max: number): T[] =>
  Array.from({ length: random.int(1, max) }, () => random.pick(items));

export function randomEmail(random: Random, index: number): EmailRecord {
  const status = random.pick(EMAIL_STATUSES);
  const createdAt = T0 + random.int(0, SPAN);
  const email = testEmail(`e${index}`, status, {
    subject: random.pick(SUBJECTS),
    to: some(random, PEOPLE, 2),
    createdAt,
    folderDate: createdAt,
    statusAt: createdAt,
  });
  const cc = maybe(random, 0.3, () => some(random, PEOPLE, 2));
  const bcc = maybe(random, 0.2, () => some(random, PEOPLE, 1));
  const campaignId = maybe(random, 0.6, () => random.pick([...CAMPAIGN_IDS, 'c-deleted']));
  if (cc) email.cc = cc;
  if (bcc) email.bcc = bcc;
  if (campaignId) email.campaignId = campaignId;
  const sentAt = maybe(random, 0.6, () => createdAt + random.int(0, 86_400_000));
  if (sentAt !== undefined) email.sentAt = sentAt;
  const scheduledAt = maybe(random, 0.2, () => createdAt + random.int(0, SPAN / 4));
  if (scheduledAt !== undefined) email.scheduledAt = scheduledAt;
  const failedAt = maybe(random, 0.15, () => createdAt + random.int(0, SPAN / 4));
  if (failedAt !== undefined) email.failedAt = failedAt;
  email.folderDate = sentAt ?? scheduledAt ?? createdAt;
  addEngagement(random, email);
  return email;
}

/** Events of every classification, counted as the event feed counts them; or an old row's plain counts. */
export function addEngagement(random: Random, email: EmailRecord): void {
  if (random.chance(0.15)) {
    // A row from before trusted counts: people, proxies and unknown hits in one number.
    email.engagement = {
      ...email.engagement,
      views: email.engagement.views + random.int(0, 2),
      clicks: email.engagement.clicks + random.int(0, 1),
    };
    return;
  }
  for (let n = random.int(0, 4); n > 0; n--) {
    const event: EngagementEventRecord = {
      emailId: email.id,
      type: random.pick(['view', 'view', 'click', 'reply'] as const),
      at: (email.sentAt ?? email.createdAt) + random.int(0, SPAN / 2),
      classification: random.pick(CLASSIFICATIONS),
      reason: '',
    };
    countEngagement(email, event);
  }
}

/** A piece of some text of the data: any start, any length, sometimes upper-cased or decomposed. */
function pieceOf(random: Random, text: string): string {
  const start = random.int(0, Math.max(0, text.length - 1));
  const piece = text.slice(start, start + random.int(1, 6));
  if (random.chance(0.25)) return piece.toUpperCase();
  if (random.chance(0.15)) return piece.normalize('NFD');
  return piece;
}

export function randomQuery(random: Random, emails: readonly EmailRecord[]): unknown {
  const query: Record<string, unknown> = { version: 1 };
  const email = random.pick(emails);
  const recipient = random.pick([...email.to, ...(email.cc ?? [])]);
  if (random.chance(0.3)) query.statuses = some(random, EMAIL_STATUSES, 3);
  if (random.chance(0.35))
    query.campaigns = random.chance(0.2)
      ? { ids: [], none: true }
      : { ids: some(random, [...CAMPAIGN_IDS, 'c-unknown'], 2), ...(random.chance(0.3) ? { none: true } : {}) };
  for (const key of ['viewed', 'clicked', 'replied']) if (random.chance(0.4)) query[key] = random.pick(TRI_STATES);
  if (random.chance(0.5)) query.trustedOnly = random.chance(0.5);
  if (random.chance(0.25)) {
    const from = T0 + random.int(-SPAN / 4, SPAN);
    query.dates = {
      field: random.pick(DATE_FIELDS),
      ...(random.chance(0.7) ? { from } : {}),
      ...(random.chance(0.7) ? { to: from + random.int(0, SPAN / 2) } : {}),
    };
  }
  if (random.chance(0.45))
    query.person = pieceOf(random, random.chance(0.5) ? recipient.address : (recipient.name ?? ''));
  if (random.chance(0.15)) {
    const host = recipient.address.slice(recipient.address.lastIndexOf('@') + 1);
    query.domain = random.chance(0.7) ? host.slice(host.indexOf('.') + 1 || 0) : pieceOf(random, host);
  }
  if (random.chance(0.35)) query.subject = pieceOf(random, email.subject);
  if (random.chance(0.15)) query.minViews = random.int(0, 3);
  if (random.chance(0.15)) query.minClicks = random.int(0, 2);
  if (random.chance(0.7)) query.sort = random.pick(SORT_ORDERS);
  return query;
}
