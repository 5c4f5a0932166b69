import type { Model, Question } from "survey-core";

/**
 * Says why a checkbox's other options stopped answering once its `maxSelectedChoices` are
 * ticked. SurveyJS disables them but styles them as read-only, which looks like any other
 * option (respondent.css greys out disabled options), and says nothing: this puts a note under
 * the options in the page's language and points each disabled option at it (aria-describedby).
 */
export function explainChoiceLimits(survey: Model, note: (max: number) => string): void {
  const rendered = new Map<Question, HTMLElement>();
  const update = (question: Question) => {
    const root = rendered.get(question);
    if (!root?.isConnected) return;
    const max = Number(question.maxSelectedChoices) || 0;
    const id = `dj-limit-${question.id}`;
    let box = root.querySelector<HTMLElement>(".dj-choice-limit");
    if (!box) {
      box = document.createElement("p");
      box.className = "dj-choice-limit";
      box.id = id;
      box.setAttribute("aria-live", "polite");
      (root.querySelector(".sd-question__content") ?? root).append(box);
    }
    const full = Array.isArray(question.value) && question.value.length >= max;
    box.hidden = !full;
    box.textContent = full ? note(max) : "";
    for (const input of root.querySelectorAll<HTMLInputElement>("input.sd-item__control")) {
      const others = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((v) => v && v !== id);
      if (full && input.disabled) others.push(id);
      if (others.length) input.setAttribute("aria-describedby", others.join(" "));
      else input.removeAttribute("aria-describedby");
    }
  };
  // SurveyJS re-renders the options after the value changes: look at them once it has.
  const later = (question: Question) => setTimeout(() => update(question), 0);
  survey.onAfterRenderQuestion.add((_, options) => {
    if (options.question.getType() !== "checkbox" || !(Number(options.question.maxSelectedChoices) > 0)) return;
    rendered.set(options.question, options.htmlElement);
    later(options.question);
  });
  survey.onValueChanged.add((_, options) => {
    if (options.question && rendered.has(options.question)) later(options.question);
  });
  survey.onLocaleChangedEvent.add(() => {
    for (const question of rendered.keys()) later(question);
  });
}
