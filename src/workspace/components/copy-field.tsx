import { useRef, useState } from "preact/hooks";
import { useWords } from "../context.js";

/** A text to take away (a token, an address): shown whole, selectable, with a copy button. */
export function CopyField({ value, label, id }: { value: string; label: string; id: string }) {
  const w = useWords();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard outside a secure context (plain http on an intranet address): the text is selected for Ctrl+C.
      setCopied(false);
    }
  };
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input id={id} ref={input} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy}>
          {w.common.copy}
        </button>
      </div>
      <p class="hint" role="status" aria-live="polite">
        {copied === true ? w.common.copied : copied === false ? w.common.copyHint : ""}
      </p>
    </div>
  );
}
