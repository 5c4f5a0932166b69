/** The XSS corpus put to work in a page: a hostile questionnaire, and traps that see what ran. */
import type { Page } from "playwright-core";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";

/** A questionnaire made of the corpus: every payload as a title, a description or a choice. */
export function hostileSurvey() {
  return {
    title: XSS_PAYLOADS[0],
    description: XSS_PAYLOADS[1],
    pages: [
      {
        name: "p1",
        title: XSS_PAYLOADS[2],
        elements: [
          { type: "radiogroup", name: "pick", title: XSS_PAYLOADS[3], description: XSS_PAYLOADS[4], choices: XSS_PAYLOADS.map((text, i) => ({ value: `c${i}`, text })) },
          {
            type: "checkbox",
            name: "many",
            title: XSS_PAYLOADS[5],
            choices: XSS_PAYLOADS.slice(0, 10).map((text, i) => ({ value: i + 1, text })),
            showOtherItem: true,
            otherText: XSS_PAYLOADS[6],
          },
          { type: "dropdown", name: "drop", title: XSS_PAYLOADS[7], choices: XSS_PAYLOADS.slice(10, 20) },
          { type: "comment", name: "note", title: XSS_PAYLOADS[8], placeholder: XSS_PAYLOADS[9] },
        ],
      },
    ],
  };
}

/** Records what the corpus would do if any of it ran: calls of `__xss` and dialogs. */
export async function armTraps(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xssCalls: number[]; __xss: (n: number) => void };
    w.__xssCalls = [];
    w.__xss = (n: number) => w.__xssCalls.push(n);
  });
  return { dialogs };
}

/**
 * What fired on the page, and which elements the corpus made: an event handler, a URL
 * attribute or a style with its words, or a script that would run them. Corpus text inside a
 * text-carrying attribute (aria-label, placeholder, title, value) or a JSON data block is data.
 */
export async function sprung(page: Page): Promise<{ calls: number[]; injected: string[] }> {
  return page.evaluate(() => {
    const calls = (window as unknown as { __xssCalls: number[] }).__xssCalls;
    const injected: string[] = [];
    const active = /^(on.*|src|href|data|action|formaction|style|srcdoc|xlink:href|content|background)$/i;
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (active.test(attribute.name) && /__xss|javascript:/i.test(attribute.value)) injected.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`);
      }
      const data = element.tagName === "SCRIPT" && (element as HTMLScriptElement).type === "application/json";
      if (element.tagName === "SCRIPT" && !data && /__xss/.test(element.textContent ?? "")) injected.push("<script> with corpus text");
    }
    return { calls, injected };
  });
}
