import { FOLDERS_BY_TAB, type FolderCounts, PRIMARY_TABS } from '../../lib/emails/status';
import { t } from '../../lib/i18n/t';
import { useView } from '../app/view-store-context';
import { Count } from '../ui/Count';
import { TabList } from '../ui/TabList';
import { FOLDER_LABELS, TAB_LABELS } from './folder-labels';

/** Primary tabs (Sent, Pending, Undelivered) and their sub-folders, each with its live count. */
export function FolderTabs({ counts }: { counts: FolderCounts | undefined }) {
  const tab = useView((state) => state.tab);
  const folder = useView((state) => state.folder);
  const showTab = useView((state) => state.showTab);
  const showFolder = useView((state) => state.showFolder);
  const tabTotal = (key: (typeof PRIMARY_TABS)[number]) =>
    counts && FOLDERS_BY_TAB[key].reduce((sum, status) => sum + counts[status], 0);

  return (
    <>
      <TabList
        variant="primary"
        label={t('foldersLabel')}
        selected={tab}
        onSelect={showTab}
        testId="primary-tabs"
        items={PRIMARY_TABS.map((key) => ({
          key,
          name: `${t(TAB_LABELS[key])} ${tabTotal(key) ?? ''}`.trim(),
          label: (
            <>
              <span>{t(TAB_LABELS[key])}</span> <Count value={tabTotal(key)} testId={`tab-count-${key}`} />
            </>
          ),
        }))}
      />
      <TabList
        variant="secondary"
        label={t(TAB_LABELS[tab])}
        selected={folder}
        onSelect={showFolder}
        testId="folder-tabs"
        items={FOLDERS_BY_TAB[tab].map((status) => ({
          key: status,
          name: `${t(FOLDER_LABELS[status])} ${counts?.[status] ?? ''}`.trim(),
          label: (
            <>
              <span>{t(FOLDER_LABELS[status])}</span>{' '}
              <Count value={counts?.[status]} testId={`folder-count-${status}`} />
            </>
          ),
        }))}
      />
    </>
  );
}
