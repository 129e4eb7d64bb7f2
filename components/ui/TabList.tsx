import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem<K extends string> {
  key: K;
  label: ComponentChildren;
  /** Accessible name when `label` holds more than text (a count, an icon). */
  name: string;
}

interface Props<K extends string> {
  items: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
  variant: 'primary' | 'secondary' | 'section';
  testId?: string;
}

/** WAI-ARIA tabs: one tab stop, arrow keys and Home/End move between tabs. */
export function TabList<K extends string>({ items, selected, onSelect, label, variant, testId }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = items[(next + items.length) % items.length]!;
    onSelect(target.key);
    list.current?.querySelector<HTMLElement>(`[data-key="${target.key}"]`)?.focus();
  };
  return (
    <div ref={list} class={`tabs tabs-${variant}`} role="tablist" aria-label={label} data-testid={testId}>
      {items.map((item, index) => (
        <button
          key={item.key}
          type="button"
          role="tab"
          data-key={item.key}
          aria-selected={item.key === selected}
          aria-label={item.name}
          tabIndex={item.key === selected ? 0 : -1}
          onClick={() => onSelect(item.key)}
          onKeyDown={(event) => move(event, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
