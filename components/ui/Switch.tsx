interface Props {
  checked: boolean;
  busy?: boolean;
  label: string;
  hint?: string;
  onChange: (checked: boolean) => void;
  testId?: string;
}

export function Switch({ checked, busy = false, label, hint, onChange, testId }: Props) {
  return (
    <label class="switch" title={hint}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={busy}
        aria-busy={busy}
        aria-label={label}
        aria-checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="switch-track" aria-hidden="true" />
      <span class="switch-label">{label}</span>
    </label>
  );
}
