import { describe, expect, it } from 'vitest';
import { folderDateOf } from '../emails/folder-date';
import { EMAIL_STATUSES } from '../emails/status';
import { DEMO_PREFIX, demoCampaigns, demoEmailBatches, demoEmailRange, demoPeople } from './demo-mailbox';

const now = Date.UTC(2026, 10, 25, 12);
const generate = (emails: number, eventsPerEmail = 3) => [
  ...demoEmailBatches({ emails, eventsPerEmail, now }, demoPeople(), demoCampaigns(now), 100),
];

describe('demo mailbox', () => {
  it('has emails in every status, even when small', () => {
    const emails = generate(8).flatMap((batch) => batch.emails);
    expect(new Set(emails.map((email) => email.status))).toEqual(new Set(EMAIL_STATUSES));
  });

  it('is the same on every run (so tests and benchmarks can predict it)', () => {
    expect(generate(300)).toEqual(generate(300));
  });

  it('marks every row as demo, and keeps each email consistent with its status', () => {
    const batches = generate(500);
    for (const { emails, events } of batches) {
      for (const email of emails) {
        expect(email.id.startsWith(DEMO_PREFIX)).toBe(true);
        expect(email.folderDate).toBe(folderDateOf(email));
        if (email.status === 'scheduled') expect(email.scheduledAt).toBeGreaterThan(now);
        if (['failed', 'bounced', 'spam'].includes(email.status)) expect(email.failureReason).toBeTruthy();
        if (email.status === 'archived') expect(email.tracking).toBe(false);
      }
      const ids = new Set(emails.map((email) => email.id));
      for (const event of events) expect(ids.has(event.emailId)).toBe(true);
    }
  });

  it('counts machine events apart from people in the engagement summary', () => {
    const { emails, events } = generate(400).reduce((all, batch) => ({
      emails: [...all.emails, ...batch.emails],
      events: [...all.events, ...batch.events],
    }));
    const views = events.filter((event) => event.type === 'view');
    const machine = views.filter((event) => ['prefetch', 'scanner', 'self'].includes(event.classification)).length;
    expect(emails.reduce((sum, email) => sum + email.engagement.machineViews, 0)).toBe(machine);
    expect(emails.reduce((sum, email) => sum + email.engagement.views, 0)).toBe(views.length - machine);
  });

  it('streams large mailboxes in batches of the requested size', () => {
    const batches = generate(1_050, 0);
    expect(batches.map((batch) => batch.emails.length)).toEqual([...Array(10).fill(100), 50]);
  });
});

describe('demo ranges', () => {
  it('come out the same however the mailbox is split', () => {
    const whole = generate(300).flatMap((batch) => batch.emails);
    const people = demoPeople();
    const campaigns = demoCampaigns(now);
    const parts = [
      demoEmailRange({ emails: 300, eventsPerEmail: 3, now }, people, campaigns, 0, 120),
      demoEmailRange({ emails: 300, eventsPerEmail: 3, now }, people, campaigns, 120, 180),
    ];
    expect(parts.flatMap((part) => part.emails)).toEqual(whole);
  });
});
