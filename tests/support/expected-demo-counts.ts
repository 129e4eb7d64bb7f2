import { demoCampaigns, demoEmailBatches, demoPeople } from '../../lib/demo/demo-mailbox.ts';
import { emptyFolderCounts, type FolderCounts } from '../../lib/emails/status.ts';

/** The folder counts the demo mailbox must produce, computed in Node from the same generator. */
export function expectedDemoCounts(emails = 240): FolderCounts {
  const now = Date.now();
  const people = demoPeople();
  const counts = emptyFolderCounts();
  for (const batch of demoEmailBatches({ emails, eventsPerEmail: 3, now }, people, demoCampaigns(now))) {
    for (const email of batch.emails) counts[email.status]++;
  }
  return counts;
}

/** The ids of the demo emails in each status (the generator is deterministic in this). */
export function expectedDemoIdsByStatus(emails = 240): Map<string, Set<string>> {
  const now = Date.now();
  const byStatus = new Map<string, Set<string>>();
  for (const batch of demoEmailBatches({ emails, eventsPerEmail: 3, now }, demoPeople(), demoCampaigns(now))) {
    for (const email of batch.emails) {
      if (!byStatus.has(email.status)) byStatus.set(email.status, new Set());
      byStatus.get(email.status)!.add(email.id);
    }
  }
  return byStatus;
}
