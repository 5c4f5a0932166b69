import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useWords } from "../context.js";

/**
 * A button for something that cannot be undone: the first press asks (with the question
 * in words, and the focus on the confirming button), the second does it.
 */
export function ConfirmButton(props: { label: string; question: string; confirm: string; onConfirm: () => Promise<void> | void; small?: boolean; children?: ComponentChildren }) {
  const w = useWords();
  const size = props.small ? " small" : "";
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class={`button danger${size}`} ref={askRef} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  const run = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <fieldset class="confirm">
      <legend class="confirm-question">{props.question}</legend>
      <button type="button" class={`button danger${size}`} ref={confirmRef} disabled={busy} onClick={run}>
        {props.confirm}
      </button>
      <button type="button" class={`button${size}`} onClick={() => setAsking(false)}>
        {w.common.cancel}
      </button>
    </fieldset>
  );
}
