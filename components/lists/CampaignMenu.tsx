import type { CampaignChoice } from '../../lib/emails/campaigns';
import { t, tn } from '../../lib/i18n/t';
import type { SearchQuery } from '../../lib/search/query';
import { ChoiceMenu } from '../ui/ChoiceMenu';

/** Stands for "in no campaign" among the campaign ids (ids are the database's, never this). */
const NONE = '\u0000none';

/** Any of several campaigns, or "no campaign": the sentence's "from [Q4 renewal push]". */
export function CampaignMenu({
  value,
  campaigns,
  invalid,
  onChange,
}: {
  value: SearchQuery['campaigns'];
  campaigns: CampaignChoice[] | null;
  invalid: boolean;
  onChange: (value: SearchQuery['campaigns'] | undefined) => void;
}) {
  const ids = value?.ids ?? [];
  const chosen = [...(value?.none ? [NONE] : []), ...ids];
  const known = new Map((campaigns ?? []).map((campaign) => [campaign.id, campaign.name]));
  const names = [
    ...(value?.none ? [t('searchNoCampaign')] : []),
    ...ids.map((id) => known.get(id) ?? (campaigns ? t('searchDeletedCampaign') : '…')),
  ];
  return (
    <ChoiceMenu
      label={t('searchCampaigns')}
      summary={
        names.length === 0
          ? t('searchAnyCampaign')
          : names.length <= 2
            ? names.join(', ')
            : tn('searchCampaignCount', names.length)
      }
      choices={[
        { key: NONE, label: t('searchNoCampaign') },
        ...(campaigns ?? []).map((campaign) => ({ key: campaign.id, label: campaign.name })),
        // A campaign the query names that is gone stays choosable, so it can be taken out.
        ...ids.filter((id) => !known.has(id)).map((id) => ({ key: id, label: t('searchDeletedCampaign') })),
      ]}
      chosen={chosen}
      invalid={invalid}
      testId="search-campaigns"
      onChange={(next) => {
        const nextIds = next.filter((key) => key !== NONE);
        const none = next.includes(NONE);
        onChange(nextIds.length === 0 && !none ? undefined : { ids: nextIds, ...(none ? { none: true } : {}) });
      }}
    />
  );
}
