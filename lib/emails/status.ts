// The eight statuses an email moves through, and the folders they land in
// (product.md, "Email folders"). Folder ids double as i18n message keys' suffixes.
export const EMAIL_STATUSES = [
  'delivered',
  'archived',
  'scheduled',
  'draft',
  'sending',
  'failed',
  'bounced',
  'spam',
] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const PRIMARY_TABS = ['sent', 'pending', 'undelivered'] as const;
export type PrimaryTab = (typeof PRIMARY_TABS)[number];

/** Sub-folders of each primary tab, in the order the seed pages list them. */
export const FOLDERS_BY_TAB: Readonly<Record<PrimaryTab, readonly EmailStatus[]>> = {
  sent: ['delivered', 'archived'],
  pending: ['scheduled', 'draft', 'sending'],
  undelivered: ['failed', 'bounced', 'spam'],
};

export function tabOfStatus(status: EmailStatus): PrimaryTab {
  for (const tab of PRIMARY_TABS) if (FOLDERS_BY_TAB[tab].includes(status)) return tab;
  throw new Error(`status without a folder: ${status}`);
}

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === 'string' && (EMAIL_STATUSES as readonly string[]).includes(value);
}

export type FolderCounts = Record<EmailStatus, number>;

export function emptyFolderCounts(): FolderCounts {
  return Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as FolderCounts;
}
