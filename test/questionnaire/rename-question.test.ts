import { describe, expect, it } from "vitest";
import { renameQuestion } from "../../src/questionnaire/rename-question.js";
import kitchenSink from "../fixtures/kitchen-sink.json" with { type: "json" };

type Json = Record<string, unknown>;

const questionnaire = (): Json => ({
  title: { default: "关于{level}的调查", en: "About {level}" },
  completedHtml: "谢谢！您的层级：{level}",
  completedHtmlOnCondition: [{ expression: "{level} = 'city'", html: "市级：{level}" }],
  calculatedValues: [{ name: "is_city", expression: "{level} = 'city'" }],
  triggers: [
    { type: "setvalue", expression: "{level} notempty", setToName: "level", setValue: "city" },
    { type: "copyvalue", expression: "{other} notempty", fromName: "LEVEL", setToName: "other" },
    { type: "skip", expression: "{level} = 'street'", gotoName: "level" },
    { type: "visible", operator: "equal", value: "city", name: "level", questions: ["other", "level"] },
  ],
  pages: [
    {
      name: "p1",
      visibleIf: "{level} notempty or true",
      elements: [
        { type: "radiogroup", name: "level", choices: ["city", "district", "street"] },
        {
          type: "panel",
          name: "box",
          elements: [
            {
              type: "checkbox",
              name: "other",
              title: "{level}级的问题",
              description: { default: "{ level }", "zh-tw": "{level}", en: "{levelled}" },
              visibleIf: "{level} anyof ['district', 'street'] and '{level}' notempty",
              requiredIf: "{level-Comment} notempty",
              enableIf: "{level} != 'city'",
              choicesFromQuestion: "level",
              choicesVisibleIf: "{item} != {level}",
              choices: [{ value: "a", text: "和{level}有关", visibleIf: "{level} = 'city'" }],
              validators: [{ type: "expression", expression: "{level} notempty", text: "请先回答{level}" }],
            },
            { type: "expression", name: "calc", expression: "iif({level} = 'city', 1, 0) + {levelled}" },
            { type: "text", name: "levelled", defaultValueExpression: "{level}", minValueExpression: "{level.length}" },
          ],
        },
        {
          type: "matrixdropdown",
          name: "grid",
          rows: ["r1"],
          columns: [{ name: "c1", cellType: "text", visibleIf: "{level} = 'city'", totalExpression: "{level} + 1" }],
        },
      ],
    },
  ],
});

describe("renameQuestion", () => {
  it("rewrites every expression, piped text and name property that reads the question, and nothing else", () => {
    const before = questionnaire();
    const after = renameQuestion(before, "level", "tier") as ReturnType<typeof questionnaire> & Json;
    // A copy: the original is untouched.
    expect(before).toEqual(questionnaire());
    // The question's own name is the caller's to change.
    const page = (after.pages as Json[])[0] as { visibleIf: string; elements: Json[] };
    expect(page.elements[0].name).toBe("level");
    expect(page.visibleIf).toBe("{tier} notempty or true");
    expect(after.title).toEqual({ default: "关于{tier}的调查", en: "About {tier}" });
    expect(after.completedHtml).toBe("谢谢！您的层级：{tier}");
    expect(after.completedHtmlOnCondition).toEqual([{ expression: "{tier} = 'city'", html: "市级：{tier}" }]);
    expect(after.calculatedValues).toEqual([{ name: "is_city", expression: "{tier} = 'city'" }]);
    expect(after.triggers).toEqual([
      { type: "setvalue", expression: "{tier} notempty", setToName: "tier", setValue: "city" },
      { type: "copyvalue", expression: "{other} notempty", fromName: "tier", setToName: "other" },
      { type: "skip", expression: "{tier} = 'street'", gotoName: "tier" },
      { type: "visible", operator: "equal", value: "city", name: "tier", questions: ["other", "tier"] },
    ]);
    const box = page.elements[1] as { elements: Json[] };
    expect(box.elements[0]).toEqual({
      type: "checkbox",
      name: "other",
      title: "{tier}级的问题",
      // `{levelled}` is another question: a name that starts with the old one is not it.
      description: { default: "{ tier }", "zh-tw": "{tier}", en: "{levelled}" },
      visibleIf: "{tier} anyof ['district', 'street'] and '{level}' notempty",
      requiredIf: "{tier-Comment} notempty",
      enableIf: "{tier} != 'city'",
      choicesFromQuestion: "tier",
      choicesVisibleIf: "{item} != {tier}",
      choices: [{ value: "a", text: "和{tier}有关", visibleIf: "{tier} = 'city'" }],
      validators: [{ type: "expression", expression: "{tier} notempty", text: "请先回答{tier}" }],
    });
    expect(box.elements[1].expression).toBe("iif({tier} = 'city', 1, 0) + {levelled}");
    expect(box.elements[2]).toMatchObject({ defaultValueExpression: "{tier}", minValueExpression: "{tier.length}" });
    expect((page.elements[2].columns as Json[])[0]).toMatchObject({ visibleIf: "{tier} = 'city'", totalExpression: "{tier} + 1" });
  });

  it("changes nothing for an empty name, the same name, or a name nothing reads", () => {
    expect(renameQuestion(questionnaire(), "level", "")).toEqual(questionnaire());
    expect(renameQuestion(questionnaire(), "", "tier")).toEqual(questionnaire());
    expect(renameQuestion(questionnaire(), "level", "level")).toEqual(questionnaire());
    expect(renameQuestion(questionnaire(), "nobody", "tier")).toEqual(questionnaire());
  });

  it("renames a dynamic panel's member as its siblings ({panel.q}) and the rest of the survey ({members[0].q}) name it", () => {
    const json = {
      pages: [
        {
          name: "p",
          elements: [
            {
              type: "paneldynamic",
              name: "members",
              templateTitle: "成员：{panel.age}",
              templateElements: [
                { type: "text", name: "age", inputType: "number" },
                { type: "text", name: "job", visibleIf: "{panel.age} >= 18 and {age} > 0" },
              ],
            },
            { type: "text", name: "age", visibleIf: "{members[0].age} > 30" },
            { type: "text", name: "note", visibleIf: "{age} > 1", title: "{members[0].age}" },
          ],
        },
      ],
    };
    const after = renameQuestion(json, "age", "years", "members") as typeof json;
    const [members, , note] = after.pages[0].elements as Json[];
    expect(members.templateTitle).toBe("成员：{panel.years}");
    // A plain {age} inside the template is the survey's own `age`, not the sibling.
    expect((members.templateElements as Json[])[1].visibleIf).toBe("{panel.years} >= 18 and {age} > 0");
    expect((after.pages[0].elements as Json[])[1].visibleIf).toBe("{members[0].years} > 30");
    expect(note).toMatchObject({ visibleIf: "{age} > 1", title: "{members[0].years}" });
  });

  it("follows a rename through the kitchen sink: every reference moves, every other text stays", () => {
    const references = JSON.stringify(kitchenSink).match(/\{org_level\}/g)?.length ?? 0;
    expect(references).toBeGreaterThan(1);
    const after = renameQuestion(kitchenSink as Json, "org_level", "unit_level");
    const text = JSON.stringify(after);
    expect(text).not.toMatch(/\{org_level\}/);
    expect(text.match(/\{unit_level\}/g)?.length).toBe(references);
    // Back again gives the kitchen sink itself.
    expect(renameQuestion(after, "unit_level", "org_level")).toEqual(kitchenSink);
  });
});
