interface Props {
  title: string;
  body?: string;
}

export function EmptyState({ title, body }: Props) {
  return (
    <div class="empty" role="status">
      <p class="empty-title">{title}</p>
      {body && <p class="empty-body">{body}</p>}
    </div>
  );
}
