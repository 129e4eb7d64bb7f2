import { useRef } from 'preact/hooks';

export interface Choice<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  /** The control's name for assistive technology ("Folders"). */
  label: string;
  /** What the closed menu says: the chosen ones in words, or "any". */
  summary: string;
  choices: readonly Choice<K>[];
  chosen: readonly K[];
  onChange: (chosen: K[]) => void;
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}

/**
 * Any of several, inline in a sentence: a disclosure (native <details>, so Enter and Space open
 * it) holding checkboxes; Escape closes it and puts focus back on its summary.
 */
export function ChoiceMenu<K extends string>({
  label,
  summary,
  choices,
  chosen,
  onChange,
  invalid,
  describedBy,
  testId,
}: Props<K>) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    event.preventDefault();
    event.stopPropagation();
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  return (
    <details ref={details} class="choice-menu" data-testid={testId} onKeyDown={close}>
      <summary aria-label={`${label}: ${summary}`} aria-invalid={invalid} aria-describedby={describedBy}>
        {summary}
      </summary>
      <fieldset class="choice-menu-list">
        <legend class="visually-hidden">{label}</legend>
        {choices.map((choice) => (
          <label key={choice.key} class="choice">
            <input
              type="checkbox"
              data-key={choice.key}
              checked={chosen.includes(choice.key)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked ? [...chosen, choice.key] : chosen.filter((key) => key !== choice.key),
                )
              }
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
