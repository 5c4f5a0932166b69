import type { Messages } from "./messages.js";
import type { QuestionProblem } from "./submit.js";

/** Where the response stands, as the status panel shows it. */
export type View =
  | { kind: "editing"; restored: boolean; problems?: QuestionProblem[] }
  | { kind: "sending" }
  | { kind: "waiting"; reason: "network" | "server" }
  | { kind: "rejected"; problems: QuestionProblem[] }
  | { kind: "conflict" }
  | { kind: "failed"; status: number; detail: string }
  | { kind: "done" };

export interface StatusContext {
  messages: Messages;
  attempts: number;
  /** false when the browser refuses localStorage. */
  persistent: boolean;
  questionTitle(path: string): string;
}

export interface StatusActions {
  retry(): void;
  backToEdit(problems: QuestionProblem[]): void;
  submitAsNew(): void;
}

/**
 * Fills the status panel for a view (hiding it when there is nothing to say). Buttons
 * carry ids (dj-retry, dj-edit, dj-new-id) so tests and support staff can name them.
 */
export function renderStatusPanel(box: HTMLElement, view: View, ctx: StatusContext, actions: StatusActions): void {
  const m = ctx.messages;
  box.textContent = "";
  box.hidden = false;
  box.removeAttribute("data-tone");
  const add = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string) => {
    const el = document.createElement(tag);
    el.textContent = text;
    box.append(el);
    return el;
  };
  const addButton = (text: string, id: string, onClick: () => void) => {
    const button = add("button", text);
    button.type = "button";
    button.id = id;
    button.addEventListener("click", onClick);
  };
  const addProblems = (problems: QuestionProblem[]) => {
    const list = add("ul", "");
    for (const p of problems) {
      const item = document.createElement("li");
      item.textContent = m.problem(ctx.questionTitle(p.question), p.message);
      list.append(item);
    }
  };

  switch (view.kind) {
    case "editing":
      if (view.problems?.length) {
        box.dataset.tone = "error";
        add("h2", m.rejectedTitle);
        add("p", m.rejectedHint);
        addProblems(view.problems);
      } else if (view.restored) {
        add("p", m.restored);
      } else if (!ctx.persistent) {
        box.dataset.tone = "warn";
        add("p", m.storageUnavailable);
      } else {
        box.hidden = true;
      }
      return;
    case "sending":
      add("h2", m.pendingTitle);
      add("p", m.submitting);
      return;
    case "waiting":
      box.dataset.tone = "warn";
      add("h2", m.pendingTitle);
      add("p", view.reason === "network" ? m.networkFailed : m.serverBusy);
      add("p", m.attempts(ctx.attempts)).className = "dj-meta";
      addButton(m.retryNow, "dj-retry", actions.retry);
      return;
    case "rejected":
      box.dataset.tone = "error";
      add("h2", m.rejectedTitle);
      add("p", m.rejectedHint);
      addProblems(view.problems);
      addButton(m.backToEdit, "dj-edit", () => actions.backToEdit(view.problems));
      return;
    case "conflict":
      box.dataset.tone = "error";
      add("h2", m.conflictTitle);
      add("p", m.conflictText);
      addButton(m.submitAsNew, "dj-new-id", actions.submitAsNew);
      return;
    case "failed":
      box.dataset.tone = "error";
      add("h2", m.failedTitle);
      add("p", m.failedText(view.status, view.detail));
      addButton(m.retryNow, "dj-retry", actions.retry);
      return;
    case "done":
      box.hidden = true;
      return;
  }
}
