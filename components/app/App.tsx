import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import type { Section } from '../../lib/store/view-store';
import { EmailsSection } from '../emails/EmailsSection';
import { ListsSection } from '../lists/ListsSection';
import { TasksSection } from '../tasks/TasksSection';
import { ErrorNote } from '../ui/ErrorNote';
import { TabList } from '../ui/TabList';
import { Header } from './Header';
import { useSidebarFocus } from './use-sidebar-focus';
import { useView } from './view-store-context';

const SECTIONS: { key: Section; label: 'sectionEmails' | 'sectionTasks' | 'sectionLists' }[] = [
  { key: 'emails', label: 'sectionEmails' },
  { key: 'tasks', label: 'sectionTasks' },
  { key: 'lists', label: 'sectionLists' },
];

export function App({ onClose }: { onClose: () => void }) {
  const section = useView((state) => state.section);
  const showSection = useView((state) => state.showSection);
  const [error, setError] = useState<string | null>(null);
  useSidebarFocus();
  return (
    <div class="app" data-testid="sidebar">
      <Header onClose={onClose} onError={setError} />
      {error && <ErrorNote message={error} />}
      <TabList
        variant="section"
        label={t('sectionsLabel')}
        selected={section}
        onSelect={showSection}
        testId="sections"
        items={SECTIONS.map(({ key, label }) => ({ key, name: t(label), label: t(label) }))}
      />
      <main class="content">
        {section === 'emails' && <EmailsSection />}
        {section === 'tasks' && <TasksSection />}
        {section === 'lists' && <ListsSection />}
      </main>
    </div>
  );
}
