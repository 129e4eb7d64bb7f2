import type { CommandCenterDb } from '../db/database';
import type { CampaignRecord } from '../db/records';

// Campaigns as the compose window's picker sees them: the existing ones, and a new one made by
// typing a name that none has.

/** The longest campaign name we keep; longer is a paste accident. */
export const CAMPAIGN_NAME_MAX = 120;

export interface CampaignChoice {
  id: string;
  name: string;
}

/** Every campaign, newest first, for the picker (at most `limit`). */
export async function listCampaigns(db: CommandCenterDb, limit = 500): Promise<CampaignChoice[]> {
  const all = await db.campaigns.toArray();
  return all
    .sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ id, name }) => ({ id, name }));
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The campaign the rep picked: an existing id as it is (an id that no longer exists means
 * none), or the campaign with that name (case and outer spaces aside), made when there is none.
 */
export async function findOrCreateCampaign(
  db: CommandCenterDb,
  choice: { id: string } | { name: string },
  now = Date.now(),
): Promise<string | undefined> {
  if ('id' in choice) return (await db.campaigns.get(choice.id))?.id;
  const name = choice.name.trim().slice(0, CAMPAIGN_NAME_MAX);
  if (!name) return undefined;
  const existing = await db.campaigns.filter((campaign) => sameName(campaign.name, name)).first();
  if (existing) return existing.id;
  const campaign: CampaignRecord = { id: `campaign-${crypto.randomUUID()}`, name, createdAt: now };
  await db.campaigns.add(campaign);
  return campaign.id;
}
