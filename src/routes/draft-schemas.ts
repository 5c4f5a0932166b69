import { z } from "@hono/zod-openapi";
import { LANGUAGES } from "../../i18n/language.js";

const where = {
  name: z.string(),
  within: z.string().optional().openapi({ description: "The dynamic panel the question sits in" }),
};
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const question = z.object({ ...where, type: z.string(), title: z.string().openapi({ description: "Its title in Simplified Chinese (or its name)" }) });
const choices = z.object({ ...where, values: z.array(scalar) });
const languageText = { language: z.enum(LANGUAGES), before: z.string().nullable(), after: z.string().nullable() };
const itemRetitled = z.object({ ...where, value: scalar.openapi({ description: "The row's value, or the column's value (single matrix) or name" }), ...languageText });

/** The diff of two questionnaires (src/questionnaire/diff.ts) as the API answers it. */
export const diffSchema = z
  .object({
    surveyTexts: z
      .array(z.object({ property: z.enum(["title", "description"]), ...languageText }))
      .openapi({ description: "The survey's own title and description, per language" }),
    added: z.array(question),
    removed: z.array(question),
    retitled: z.array(z.object({ ...where, ...languageText })),
    typeChanged: z.array(z.object({ ...where, before: z.string(), after: z.string() })),
    choicesAdded: z.array(choices),
    choicesRemoved: z.array(choices),
    logicChanged: z.array(
      z.object({
        ...where,
        property: z.string().openapi({ description: "visibleIf, requiredIf, enableIf, isRequired, min, max, maxSelectedChoices, validators, …" }),
        before: z.unknown().openapi({ description: "The property's JSON before (null: absent)" }),
        after: z.unknown().openapi({ description: "The property's JSON after (null: absent)" }),
      }),
    ),
    rowsAdded: z.array(choices).openapi({ description: "Matrix rows added, by value" }),
    rowsRemoved: z.array(choices).openapi({ description: "Matrix rows removed, by value" }),
    columnsAdded: z.array(choices).openapi({ description: "Matrix columns added: a single matrix's by value, a dropdown or dynamic matrix's by name" }),
    columnsRemoved: z.array(choices).openapi({ description: "Matrix columns removed" }),
    rowsRetitled: z.array(itemRetitled).openapi({ description: "Matrix rows whose text changed, per language" }),
    columnsRetitled: z.array(itemRetitled).openapi({ description: "Matrix columns whose text (title) changed, per language" }),
    pagesChanged: z
      .object({ before: z.array(z.string()), after: z.array(z.string()) })
      .optional()
      .openapi({ description: "Page names in order, when pages were added, removed or reordered" }),
  })
  .openapi("QuestionnaireDiff");
