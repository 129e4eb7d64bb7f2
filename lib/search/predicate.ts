import type { EmailRecord, Recipient } from '../db/records';
import { problemWith } from '../emails/email-row';
import type { DateField, SearchQuery, SortOrder, TriState } from './query';

// Whether one email matches a query, and the order results come in. The one definition of what
// a query means: the full search (which narrows by index first) and the lists' upkeep (which
// checks the one email that changed) both end here, so they cannot disagree.

/** Lower-case, composed: "DANA", "Dana" and a decomposed "Dána" compare as the rep would expect. */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Views and clicks as the query counts them: people and their mail apps' proxies only, or every hit. */
export function countedEngagement(email: Pick<EmailRecord, 'engagement'>, trustedOnly: boolean) {
  const e = email.engagement;
  if (trustedOnly) return { views: e.trustedViews ?? e.views, clicks: e.trustedClicks ?? e.clicks };
  return { views: e.views + e.machineViews, clicks: e.clicks + e.machineClicks };
}

export function dateOf(email: EmailRecord, field: DateField): number | undefined {
  switch (field) {
    case 'created':
      return email.createdAt;
    case 'sent':
      return email.sentAt;
    case 'scheduled':
      return email.scheduledAt;
    case 'failed':
      return email.failedAt;
    case 'lastActivity':
      return email.engagement.lastActivityAt;
  }
}

const tri = (wanted: TriState, actual: boolean) => wanted === 'either' || (wanted === 'yes') === actual;

/** Every recipient (to, cc, bcc) with an address; a damaged entry is no one rather than a crash. */
export function recipientsOf(email: Pick<EmailRecord, 'to' | 'cc' | 'bcc'>): Recipient[] {
  return [email.to, email.cc, email.bcc]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((recipient): recipient is Recipient => typeof recipient?.address === 'string');
}

function domainMatches(address: string, domain: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const host = foldText(address.slice(at + 1));
  const wanted = foldText(domain).replace(/^@/, '');
  return host === wanted || host.endsWith(`.${wanted}`);
}

export function matchesQuery(query: SearchQuery, email: EmailRecord): boolean {
  // A damaged row is shown under "needs attention", never as a result (nor does it crash the search).
  return problemWith(email) === undefined && matchesSoundEmail(query, email);
}

/** matchesQuery for an email already known not to be damaged (a list's upkeep checks that once for 500 lists). */
export function matchesSoundEmail(query: SearchQuery, email: EmailRecord): boolean {
  if (query.statuses && !query.statuses.includes(email.status)) return false;
  if (query.campaigns) {
    const { ids, none } = query.campaigns;
    const inCampaign = email.campaignId !== undefined && ids.includes(email.campaignId);
    if (!inCampaign && !(none === true && email.campaignId === undefined)) return false;
  }
  const counted = countedEngagement(email, query.trustedOnly);
  if (!tri(query.viewed, counted.views > 0)) return false;
  if (!tri(query.clicked, counted.clicks > 0)) return false;
  if (!tri(query.replied, email.engagement.replied)) return false;
  // Written so that NaN fails a minimum, as it fails "viewed" (a damaged count is no count).
  if (query.minViews !== undefined && !(counted.views >= query.minViews)) return false;
  if (query.minClicks !== undefined && !(counted.clicks >= query.minClicks)) return false;
  if (query.dates) {
    const at = dateOf(email, query.dates.field);
    // A missing or damaged date is in no range (and in no date index either).
    if (typeof at !== 'number' || Number.isNaN(at)) return false;
    if (query.dates.from !== undefined && at < query.dates.from) return false;
    if (query.dates.to !== undefined && at > query.dates.to) return false;
  }
  return matchesText(query, email);
}

/** The text filters alone (subject, person, domain): a search row's text is checked with these (search-row-page.ts). */
export function matchesText(query: SearchQuery, email: Pick<EmailRecord, 'subject' | 'to' | 'cc' | 'bcc'>): boolean {
  if (query.subject !== undefined && !foldText(email.subject).includes(foldText(query.subject))) return false;
  if (query.person !== undefined) {
    const wanted = foldText(query.person);
    const found = recipientsOf(email).some(
      (r) => foldText(r.address).includes(wanted) || (typeof r.name === 'string' && foldText(r.name).includes(wanted)),
    );
    if (!found) return false;
  }
  if (query.domain !== undefined) {
    const domain = query.domain;
    if (!recipientsOf(email).some((r) => domainMatches(r.address, domain))) return false;
  }
  return true;
}

/** Newest first for `date` (the folder's own date); the most engaged or most recently active first otherwise. */
export function compareResults(sort: SortOrder, trustedOnly: boolean) {
  return (a: EmailRecord, b: EmailRecord): number => {
    let order = 0;
    if (sort === 'mostEngaged') {
      const x = countedEngagement(a, trustedOnly);
      const y = countedEngagement(b, trustedOnly);
      order = y.clicks - x.clicks || y.views - x.views;
    }
    if (order === 0 && sort !== 'date')
      order = (b.engagement.lastActivityAt ?? -1) - (a.engagement.lastActivityAt ?? -1);
    if (order === 0) order = b.folderDate - a.folderDate;
    return order !== 0 ? order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
