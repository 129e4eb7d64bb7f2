import { t } from '../../lib/i18n/t';
import { useView } from '../app/view-store-context';

/** The filter box on top of a folder (person or subject). */
export function QuickFilter() {
  const text = useView((state) => state.filterText);
  const setText = useView((state) => state.setFilterText);
  return (
    <div class="quick-filter">
      <input
        type="search"
        value={text}
        placeholder={t('filterPlaceholder')}
        aria-label={t('filterPlaceholder')}
        data-testid="quick-filter"
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
          }
        }}
      />
    </div>
  );
}
