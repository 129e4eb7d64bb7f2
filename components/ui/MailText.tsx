import { withoutBidiControls } from './bidi';

/** A piece of text that came with an email (subject, name, address, preview): isolated, controls dropped. */
export function MailText({ text, class: className }: { text: string; class?: string }) {
  return (
    <bdi dir="auto" class={className}>
      {withoutBidiControls(text)}
    </bdi>
  );
}
