import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * A page's h1. After a page change the focus moves to it (as a page load would put the
 * reader at the top), so keyboard and screen-reader users start at the new content.
 */
export function PageHeading({ children, focusKey }: { children: ComponentChildren; focusKey: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
