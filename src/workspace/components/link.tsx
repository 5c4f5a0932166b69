import type { ComponentChildren, TargetedMouseEvent } from "preact";
import { navigate } from "../router.js";

/**
 * A real link (middle click, open in a new tab, keyboard all work) that changes the page
 * without reloading it on a plain click.
 */
export function Link(props: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const onClick = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return (
    <a href={props.href} class={props.class} aria-current={props.current ? "page" : undefined} onClick={onClick}>
      {props.children}
    </a>
  );
}
