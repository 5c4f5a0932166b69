/** A short confirmation of what just happened, read out by screen readers. */
export function Notice({ text }: { text: string | null }) {
  return (
    <p class={text ? "notice" : "notice notice-empty"} role="status" aria-live="polite">
      {text ?? ""}
    </p>
  );
}
