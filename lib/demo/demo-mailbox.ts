import type {
  CampaignRecord,
  Classification,
  EmailRecord,
  EngagementEventRecord,
  PersonRecord,
  TaskRecord,
} from '../db/records';
import { countEngagement } from '../emails/engagement';
import { folderDateOf } from '../emails/folder-date';
import { LOCAL_REASONS } from '../emails/local-reasons';
import { toStoredFailure, toStoredReason } from '../emails/reason';
import { EMAIL_STATUSES, type EmailStatus } from '../emails/status';
import { searchKeysOf } from '../search/search-keys';
import { DEMO_EVENT_REASONS, DEMO_FAILURE_REASONS, DEMO_WARNING_REASON } from './demo-reasons';
import { createRandom, type Random } from './random';
import { CAMPAIGNS, COMPANIES, FIRST_NAMES, LAST_NAMES, SUBJECTS, TASK_TITLES } from './vocabulary';

// A realistic mailbox for the demo, the tests and the benchmarks: people at invented
// companies, campaigns, emails in every status with plausible engagement, and tasks.
// Every id starts with DEMO_PREFIX so the demo switch can remove exactly what it added.

export const DEMO_PREFIX = 'demo-';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoOptions {
  emails: number;
  /** Average tracked events per sent email. */
  eventsPerEmail: number;
  now: number;
  seed?: number;
}

export interface DemoBatch {
  emails: EmailRecord[];
  events: EngagementEventRecord[];
}

/** How a mailbox's emails spread over the statuses: mostly sent, a few of everything else. */
const STATUS_WEIGHTS: Record<EmailStatus, number> = {
  delivered: 0.62,
  archived: 0.1,
  scheduled: 0.08,
  draft: 0.06,
  sending: 0.01,
  failed: 0.05,
  bounced: 0.05,
  spam: 0.03,
};

export function demoPeople(count = 60, seed = 7): PersonRecord[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const company = random.pick(COMPANIES);
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    return {
      id: `${DEMO_PREFIX}person-${index}`,
      name: `${first} ${last}`,
      email: `${local}${index}@${company.domain}`,
      company: company.name,
      // 555-01xx numbers are set aside for fiction: never a real person's phone.
      phone: `+1 202 555 01${String(index % 100).padStart(2, '0')}`,
    };
  });
}

export function demoCampaigns(now: number): CampaignRecord[] {
  return CAMPAIGNS.map((name, index) => ({
    id: `${DEMO_PREFIX}campaign-${index}`,
    name,
    createdAt: now - (40 - index * 7) * DAY,
  }));
}

/** Emails (with their events) in batches, so 100,000 of them never sit in memory at once. */
export function* demoEmailBatches(
  options: DemoOptions,
  people: PersonRecord[],
  campaigns: CampaignRecord[],
  batchSize = 2_000,
): Generator<DemoBatch> {
  for (let start = 0; start < options.emails; start += batchSize) {
    yield demoEmailRange(options, people, campaigns, start, Math.min(batchSize, options.emails - start));
  }
}

/**
 * Emails `start` to `start + count - 1` of the demo mailbox. Each email draws from its own
 * seeded generator, so any range comes out the same whichever way the mailbox is split.
 */
export function demoEmailRange(
  options: DemoOptions,
  people: PersonRecord[],
  campaigns: CampaignRecord[],
  start: number,
  count: number,
): DemoBatch {
  const statuses = EMAIL_STATUSES.map((status) => [status, STATUS_WEIGHTS[status]] as const);
  const batch: DemoBatch = { emails: [], events: [] };
  for (let index = start; index < start + count; index++) {
    const random = createRandom((options.seed ?? 42) * 1_000_003 + index);
    // The first eight emails cover every status, so every folder has something to show.
    const status = EMAIL_STATUSES[index] ?? weightedPick(random, statuses);
    const email = demoEmail(index, status, random, options.now, people, campaigns);
    if (email.sentAt !== undefined)
      batch.events.push(...demoEvents(email, random, options.eventsPerEmail, options.now));
    // After its events: the activity index reads the engagement they added up to.
    batch.emails.push(Object.assign(email, searchKeysOf(email)));
  }
  return batch;
}

function demoEmail(
  index: number,
  status: EmailStatus,
  random: Random,
  now: number,
  people: PersonRecord[],
  campaigns: CampaignRecord[],
): EmailRecord {
  const person = random.pick(people);
  const campaign = random.chance(0.6) ? random.pick(campaigns) : undefined;
  const createdAt = now - random.int(1, 60 * 24) * 60_000 * random.int(1, 30);
  const email: EmailRecord = {
    id: `${DEMO_PREFIX}email-${index}`,
    status,
    subject: random.pick(SUBJECTS).replace('{company}', person.company ?? 'your team'),
    to: [{ address: person.email, name: person.name }],
    personIds: [person.id],
    bodyPreview: `Hi ${person.name.split(' ')[0]}, following up on where things stand for ${person.company}.`,
    bulk: campaign !== undefined,
    tracking: status !== 'archived',
    createdAt,
    statusAt: createdAt,
    folderDate: createdAt,
    statusHistory: [{ status: 'draft', at: createdAt, ...toStoredReason(LOCAL_REASONS.demoCreated) }],
    engagement: { views: 0, clicks: 0, replied: false, machineViews: 0, machineClicks: 0 },
    ...(campaign ? { campaignId: campaign.id } : {}),
  };
  if (status === 'scheduled') email.scheduledAt = now + (random.int(1, 14 * 24) * HOUR) / 4;
  if (status === 'sending') email.statusAt = now - random.int(1, 20) * 1000;
  if (['delivered', 'archived', 'failed', 'bounced', 'spam'].includes(status)) {
    email.sentAt = Math.min(now - 60_000, createdAt + random.int(1, 120) * 60_000);
    email.statusAt = email.sentAt;
  }
  // Every seventh delivered email had a mailbox full on the way: a warning, still Delivered.
  if (status === 'delivered' && index % 7 === 3 && email.sentAt !== undefined)
    email.deliveryWarning = { ...toStoredReason(DEMO_WARNING_REASON), at: email.sentAt + random.int(1, 90) * 60_000 };
  if (status === 'failed' || status === 'bounced' || status === 'spam') {
    email.failedAt = Math.min(now - 30_000, (email.sentAt ?? createdAt) + random.int(1, 600) * 1000);
    Object.assign(email, toStoredFailure(random.pick(DEMO_FAILURE_REASONS[status])));
    email.statusAt = email.failedAt;
    if (status === 'failed') delete email.sentAt;
  }
  if (status !== 'draft')
    email.statusHistory.push({
      status,
      at: email.statusAt,
      ...toStoredReason(status === 'archived' ? LOCAL_REASONS.archived : LOCAL_REASONS.demoData),
    });
  email.folderDate = folderDateOf(email);
  return email;
}

const HUMAN_MIX: readonly Classification[] = [
  'human',
  'human',
  'human',
  'proxy',
  'proxy',
  'prefetch',
  'scanner',
  'self',
  'unknown',
];

function demoEvents(email: EmailRecord, random: Random, average: number, now: number): EngagementEventRecord[] {
  if (email.status === 'spam' || email.status === 'bounced' || email.status === 'failed') return [];
  const count = average <= 0 ? 0 : random.int(0, Math.round(average * 2));
  const events: EngagementEventRecord[] = [];
  const sentAt = email.sentAt ?? now;
  for (let i = 0; i < count; i++) {
    const classification = random.pick(HUMAN_MIX);
    const type = random.chance(0.75) ? 'view' : 'click';
    // Spread over the time since sending, first hours busiest (as real engagement is).
    const at = Math.round(sentAt + (now - sentAt) * random.next() ** 3);
    const event: EngagementEventRecord = {
      emailId: email.id,
      type,
      at,
      classification,
      ...toStoredReason(DEMO_EVENT_REASONS[classification]),
    };
    if (type === 'click') Object.assign(event, { url: 'https://northwind.example/pricing', linkIndex: 0 });
    events.push(event);
    countEngagement(email, event);
  }
  if (count > 0 && random.chance(0.15)) {
    const reply: EngagementEventRecord = {
      emailId: email.id,
      type: 'reply',
      at: Math.round(sentAt + (now - sentAt) * random.next()),
      classification: 'human',
      ...toStoredReason(LOCAL_REASONS.replySeen),
    };
    events.push(reply);
    countEngagement(email, reply);
  }
  return events;
}

function weightedPick<T>(random: Random, weighted: ReadonlyArray<readonly [T, number]>): T {
  let roll = random.next();
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function localMidnight(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function demoTasks(people: PersonRecord[], now: number, seed = 11, count = 18): TaskRecord[] {
  const random = createRandom(seed);
  const types = ['call', 'email', 'linkedin', 'custom'] as const;
  return Array.from({ length: count }, (_, index) => {
    const person = random.pick(people);
    const title = random
      .pick(TASK_TITLES)
      .replace('{name}', person.name)
      .replace('{company}', person.company ?? '');
    const createdAt = now - random.int(1, 10) * DAY;
    const completed = index % 6 === 5;
    // Drawn in the order the fields were always drawn, so the demo stays the same.
    const type = random.pick(types);
    // At working hours of the rep's day, as tasks are planned (the machine's zone is the rep's).
    const dueAt = localMidnight(now) + random.int(-3, 8) * DAY + random.int(8, 17) * HOUR;
    return {
      id: `${DEMO_PREFIX}task-${index}`,
      type,
      title,
      personId: person.id,
      dueAt,
      dueKind: 'dateTime',
      // Turning the demo on must not ring a reminder for every past task it makes up.
      ...(dueAt <= now ? { remindedFor: dueAt } : {}),
      priority: random.chance(0.25) ? 'high' : 'normal',
      status: completed ? 'completed' : 'open',
      source: 'manual',
      createdAt,
      updatedAt: createdAt,
      ...(completed ? { completedAt: now - HOUR, doneAt: now - HOUR } : {}),
      version: 1,
    };
  });
}
