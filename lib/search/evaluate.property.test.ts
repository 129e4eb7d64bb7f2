import { afterAll, describe, expect, it } from 'vitest';
import { addEngagement, CAMPAIGN_IDS, randomEmail, randomQuery } from '../../tests/support/random-searches';
import { CommandCenterDb } from '../db/database';
import type { EmailRecord } from '../db/records';
import { createRandom, type Random } from '../demo/random';
import { saveEmail } from '../emails/email-writes';
import { EMAIL_STATUSES } from '../emails/status';
import { searchEmails, searchIds } from './evaluate';
import { facetKeysOf, facetPage } from './facet-page';
import { compareResults, matchesQuery } from './predicate';
import { checkQuery, type SearchQuery, TRI_STATES } from './query';
import { answeredBySearchRows, searchRowPage } from './search-row-page';

// Property (issue #15, a): for random mailboxes and random queries, the full search (indexes,
// then the predicate) finds exactly what checking every email with the predicate finds, in the
// same order. The mailboxes are written through saveEmail and then changed (new engagement, a
// new status, other recipients), so the index keys are the ones real writes leave.

const MAILBOXES = 30;
const QUERIES_PER_MAILBOX = 20;
const stats = { cases: 0, withResults: 0, narrowed: 0, fromIndex: 0, fromRows: 0 };
const FACET_QUERIES_PER_MAILBOX = 8;
/** The one date many emails are given, so that equal dates meet a page's cut. */
const T_TIE = Date.UTC(2025, 6, 1);

/** A query only the campaign and activity index answers (facet-page.ts): campaigns, activity, newest first. */
function facetQuery(random: Random): SearchQuery {
  const checked = checkQuery({
    version: 1,
    campaigns: {
      ids: Array.from({ length: random.int(1, 3) }, () => random.pick([...CAMPAIGN_IDS, 'c-deleted'])),
      ...(random.chance(0.3) ? { none: true } : {}),
    },
    viewed: random.pick(TRI_STATES),
    clicked: random.pick(TRI_STATES),
    replied: random.pick(TRI_STATES),
    trustedOnly: random.chance(0.5),
    ...(random.chance(0.2) ? { minViews: random.int(0, 1) } : {}),
    ...(random.chance(0.2) ? { minClicks: random.int(0, 1) } : {}),
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked));
  return checked.query;
}

function bruteForce(query: SearchQuery, rows: EmailRecord[]): string[] {
  return rows
    .filter((email) => matchesQuery(query, email))
    .sort(compareResults(query.sort, query.trustedOnly))
    .map((email) => email.id);
}

describe('the full search against checking every email', () => {
  for (let mailbox = 0; mailbox < MAILBOXES; mailbox++) {
    it(`agrees on ${QUERIES_PER_MAILBOX} random queries over random mailbox ${mailbox}`, async () => {
      const random = createRandom(1_000 + mailbox);
      const db = new CommandCenterDb(`search-property-${mailbox}-${crypto.randomUUID()}`);
      const emails = Array.from({ length: random.int(15, 60) }, (_, n) => randomEmail(random, n));
      for (const email of emails) await saveEmail(db, email, undefined);
      // Later writes: more events, a status change, a campaign or recipients changed.
      for (const email of emails.filter(() => random.chance(0.3))) {
        const next: EmailRecord = structuredClone(email);
        addEngagement(random, next);
        if (random.chance(0.5)) next.status = random.pick(EMAIL_STATUSES);
        if (random.chance(0.3)) delete next.campaignId;
        if (random.chance(0.3)) next.to = randomEmail(random, 0).to;
        await saveEmail(db, next, email);
      }
      const rows = await db.emails.toArray();

      for (let n = 0; n < QUERIES_PER_MAILBOX; n++) {
        const checked = checkQuery(randomQuery(random, rows));
        if (!checked.ok) {
          n--; // a text piece of only spaces: not a query, draw another
          continue;
        }
        const query = checked.query;
        const expected = bruteForce(query, rows);
        const context = JSON.stringify(query);
        expect(await searchIds(db, query), context).toEqual(expected);
        const offset = random.int(0, 5);
        const limit = random.int(1, 10);
        const page = await searchEmails(db, query, { offset, limit });
        expect(page.total, context).toBe(expected.length);
        expect(
          page.rows.map((email) => email.id),
          context,
        ).toEqual(expected.slice(offset, offset + limit));
        // A text search newest first is answered from the search rows: that path on its own, too.
        if (answeredBySearchRows(query)) {
          const fromRows = await searchRowPage(db, query, { offset, limit });
          expect(fromRows?.total, context).toBe(expected.length);
          expect(
            fromRows?.rows.map((email) => email.id),
            context,
          ).toEqual(expected.slice(offset, offset + limit));
          stats.fromRows++;
        }
        stats.cases++;
        if (expected.length > 0) stats.withResults++;
        if (expected.length < rows.length) stats.narrowed++;
      }

      // Campaign and activity alone, from the index: with many equal dates (the cut of a key's
      // newest rows falls inside them) and a damaged row in a campaign, which is never counted.
      for (const email of (await db.emails.toArray()).filter(() => random.chance(0.4)))
        await saveEmail(db, { ...email, folderDate: T_TIE }, email);
      const damaged = { ...randomEmail(random, 999), campaignId: 'c1' } as Partial<EmailRecord>;
      delete damaged.subject;
      await saveEmail(db, damaged as EmailRecord, undefined);
      const now = await db.emails.toArray();
      for (let n = 0; n < FACET_QUERIES_PER_MAILBOX; n++) {
        const query = facetQuery(random);
        const expected = bruteForce(query, now);
        const request = { offset: random.int(0, 4), limit: random.int(1, 4) };
        const page = await facetPage(db, query, request);
        const context = JSON.stringify({ query, request });
        // Too many keys (every activity of several campaigns) are left to the full search.
        expect(page === undefined, context).toBe(facetKeysOf(query) === undefined);
        if (!page) continue;
        expect(page?.total, context).toBe(expected.length);
        expect(
          page?.rows.map((email) => email.id),
          context,
        ).toEqual(expected.slice(request.offset, request.offset + request.limit));
        stats.fromIndex++;
      }
      db.close();
    });
  }

  afterAll(() => {
    // The test is only as good as its cases: most must find something, and most must leave something out.
    expect(stats.cases).toBeGreaterThanOrEqual(500);
    expect(stats.fromIndex).toBeGreaterThanOrEqual(150);
    expect(stats.fromRows).toBeGreaterThanOrEqual(50);
    expect(stats.withResults / stats.cases).toBeGreaterThan(0.3);
    expect(stats.narrowed / stats.cases).toBeGreaterThan(0.5);
    console.info(`search property: ${JSON.stringify(stats)}`);
  });
});
