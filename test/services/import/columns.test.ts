import { describe, expect, it } from "vitest";
import { readQuestions } from "../../../src/questionnaire/read-version.js";
import { ColumnMatcher, type Target } from "../../../src/services/import/columns.js";
import kitchenSink from "../../fixtures/kitchen-sink.json" with { type: "json" };
import reference from "../../../surveys/dangjian-innovation-2023.json" with { type: "json" };

const matcher = new ColumnMatcher(readQuestions(reference));
function describeTarget(header: string): string {
  const found = matcher.match(header);
  if (!found) return "none";
  if ("ambiguous" in found) return `ambiguous: ${found.ambiguous.join(", ")}`;
  const t: Target = found.target;
  if (t.kind === "option") return `option ${t.spec.key} ${String(t.item.value)}`;
  return "spec" in t ? `${t.kind} ${t.spec.key}` : t.kind;
}

describe("matching headers to questions", () => {
  it("by variable name, question name, or question text in any language", () => {
    expect(describeTarget("org_type")).toBe("value org_type");
    expect(describeTarget("本组织的类型")).toBe("value org_type");
    expect(describeTarget("本組織的類型")).toBe("value org_type");
    expect(describeTarget("Type of your organisation")).toBe("value org_type");
    expect(describeTarget("main_problems_3")).toBe("option main_problems 有效覆盖不高");
    expect(describeTarget("main_problems_other_text")).toBe("other main_problems");
    expect(describeTarget("main_problems")).toBe("value main_problems");
  });

  it("ignores numbering, full-width forms, spaces and a required mark", () => {
    expect(describeTarget("3. 本组织的类型")).toBe("value org_type");
    expect(describeTarget("Q3、本组织的类型*")).toBe("value org_type");
    expect(describeTarget("本组织现有从业人员数(人)")).toBe("value staff_count");
  });

  it("finds one-column-per-option headers by question and option, or by the option alone", () => {
    const title = "您认为，社会组织党建工作创新需要破解的主要问题是什么？（最多选三项）";
    expect(describeTarget(`${title}：管理体制不够顺畅`)).toBe("option main_problems 管理体制不顺畅");
    expect(describeTarget(`${title} - 创新动力不足`)).toBe("option main_problems 创新动力不足");
    expect(describeTarget("main_problems[顶层设计不到位]")).toBe("option main_problems 顶层设计不到位");
    expect(describeTarget("组织和工作的有效覆盖还不高")).toBe("option main_problems 有效覆盖不高");
    expect(describeTarget("其他（请注明）")).toBe("option main_problems other");
  });

  it("knows the response's own columns and says when nothing matches", () => {
    expect(describeTarget("response_id")).toBe("id");
    expect(describeTarget("问卷编号")).toBe("id");
    expect(describeTarget("complete")).toBe("complete");
    expect(describeTarget("created_at")).toBe("ignored");
    expect(describeTarget("录入员")).toBe("none");
  });

  it("reports headers that could mean two things", () => {
    const two = new ColumnMatcher(
      readQuestions({
        elements: [
          { type: "checkbox", name: "a", choices: ["经费不足", "场地不足"] },
          { type: "checkbox", name: "b", choices: ["经费不足", "人手不足"] },
        ],
      }),
    );
    expect(two.match("经费不足")).toEqual({ ambiguous: ["a: 经费不足", "b: 经费不足"] });
    expect(two.match("场地不足")).toMatchObject({ target: { kind: "option" } });
    // Every kind of question gets its columns matched by their variable names.
    const sink = new ColumnMatcher(readQuestions(kitchenSink));
    for (const name of [
      "evaluation_team",
      "funding_2023_source",
      "funding_2023_source_other_text",
      "contact_years",
      "priorities_2",
      "training_hours",
      "willing_follow_up_comment",
    ]) {
      expect(sink.match(name), name).toMatchObject({ target: {} });
    }
  });
});
