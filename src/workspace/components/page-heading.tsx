import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { hasNavigated } from "../router.js";

/**
 * A page's h1. After a change of page within the workspace the focus moves to it (as a page
 * load would put the reader at the top), so keyboard and screen-reader users start at the new
 * content; on the first page the focus stays at the top, where the skip link is.
 */
export function PageHeading({ children, focusKey }: { children: ComponentChildren; focusKey: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
