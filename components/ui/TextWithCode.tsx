/** Our own message text where `backticks` mark a command to type: shown as code, never parsed as HTML. */
export function TextWithCode({ text }: { text: string }) {
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
