/**
 * Fills a questionnaire's missing Traditional Chinese texts from the Simplified ones with OpenCC
 * (and the other way round for questionnaires that arrive in Traditional characters), keeping a
 * list of the texts made so: a text a person wrote is never overwritten, a converted one is made
 * again from its source (which may have changed) until a person confirms or edits it
 * (confirmConverted in text-paths.ts takes it off the list).
 */
import * as OpenCC from "opencc-js";
import type { Language } from "../../i18n/language.js";
import type { JsonObject } from "./json.js";
import { localisableTexts } from "./localisable-texts.js";
import { convertedEntry, readConvertedEntry } from "./text-paths.js";

/** The Traditional standard a survey writes: Taiwan (with Taiwan's phrases: 软件 → 軟體) or Hong Kong. */
export type TraditionalStandard = "tw" | "hk";

export const TRADITIONAL_STANDARDS = ["tw", "hk"] as const satisfies readonly TraditionalStandard[];

export interface ConversionOptions {
  standard: TraditionalStandard;
  /** Entries (`<path>@<language>`) of the texts earlier conversions made and no person has confirmed. */
  converted: readonly string[];
}

export interface ConversionResult {
  json: JsonObject;
  /** The list after this conversion: the texts of the target language it made, and the other language's entries as they were. */
  converted: string[];
  /** How many texts were written or changed. */
  count: number;
}

type Convert = (text: string) => string;

/*
 * OpenCC's configurations: s2twp and s2hk one way; tw2s and hk2s the other, without Taiwan's
 * phrases: the Traditional texts converted back are mainland documents typed in Traditional
 * characters (Baoji, Yantai, Heze), whose words tw2sp would rewrite (建立 → 创建, 支持 → 支援 in reverse).
 * Building one reads its dictionaries once.
 */
const OPENCC: Record<"to-traditional" | "to-simplified", Record<TraditionalStandard, () => Convert>> = {
  "to-traditional": { tw: () => OpenCC.Converter({ from: "cn", to: "twp" }), hk: () => OpenCC.Converter({ from: "cn", to: "hk" }) },
  "to-simplified": { tw: () => OpenCC.Converter({ from: "tw", to: "cn" }), hk: () => OpenCC.Converter({ from: "hk", to: "cn" }) },
};
const built = new Map<string, Convert>();

// Taiwan and Hong Kong quote with corner brackets; OpenCC leaves punctuation alone.
const CORNER_QUOTES: Record<string, string> = { "“": "「", "”": "」", "‘": "『", "’": "』" };
const CURLY_QUOTES: Record<string, string> = { "「": "“", "」": "”", "『": "‘", "』": "’" };
const withQuotes =
  (convert: Convert, quotes: Record<string, string>): Convert =>
  (text) =>
    convert(text).replace(/[“”‘’「」『』]/g, (c) => quotes[c] ?? c);

/**
 * The OpenCC converter of a direction and standard, which also turns “” quotes into 「」 (and back).
 * @example chineseConverter("to-traditional", "tw")("软件") // "軟體"
 */
export function chineseConverter(direction: "to-traditional" | "to-simplified", standard: TraditionalStandard): Convert {
  const key = `${direction}/${standard}`;
  let convert = built.get(key);
  if (!convert) {
    convert = withQuotes(OPENCC[direction][standard](), direction === "to-traditional" ? CORNER_QUOTES : CURLY_QUOTES);
    built.set(key, convert);
  }
  return convert;
}

const HAN = /\p{Script=Han}/u;

/**
 * A copy of the questionnaire where every text with Simplified Chinese (its zh-cn text, or the
 * default text when the survey's default language is Simplified Chinese) but no Traditional one
 * has the OpenCC conversion as its zh-tw text. Texts without Chinese characters are left alone.
 * @example fillTraditional({ title: "网络调查" }, { standard: "tw", converted: [] })
 *   // { json: { title: { default: "网络调查", "zh-tw": "網路調查" } }, converted: ["survey/title@zh-Hant"], count: 1 }
 */
export function fillTraditional(json: JsonObject, options: ConversionOptions): ConversionResult {
  return fill(json, "zh-Hans", "zh-Hant", chineseConverter("to-traditional", options.standard), options.converted);
}

/**
 * The reverse of {@link fillTraditional}: zh-Hant → zh-Hans where Simplified Chinese is missing.
 * A questionnaire typed in Traditional characters without saying so (its default texts, which the
 * platform reads as Simplified, are in Traditional script) has each such text moved to zh-tw, as
 * written, and the Simplified conversion put in its place: afterwards it reads as any other.
 */
export function fillSimplified(json: JsonObject, options: ConversionOptions): ConversionResult {
  return fill(json, "zh-Hant", "zh-Hans", chineseConverter("to-simplified", options.standard), options.converted, true);
}

let scriptTest: { toSimplified: Convert; toTraditional: Convert } | undefined;

/** True for a text in Traditional script: OpenCC's t2s changes it and its s2t does not. Mixed or shared characters are not. */
export function inTraditionalScript(text: string): boolean {
  scriptTest ??= { toSimplified: OpenCC.Converter({ from: "t", to: "cn" }), toTraditional: OpenCC.Converter({ from: "cn", to: "t" }) };
  return scriptTest.toSimplified(text) !== text && scriptTest.toTraditional(text) === text;
}

function fill(original: JsonObject, from: Language, to: Language, convert: Convert, earlier: readonly string[], moveTraditionalDefaults = false): ConversionResult {
  const json = structuredClone(original);
  const texts = localisableTexts(json);
  const madeBefore = new Set(earlier);
  if (moveTraditionalDefaults) {
    for (const text of texts) {
      const shown = text.read("zh-Hans");
      if (shown === undefined || text.readOwn("zh-Hans") !== undefined || text.readOwn("zh-Hant") !== undefined || !inTraditionalScript(shown)) continue;
      text.write("zh-Hant", shown);
      madeBefore.add(convertedEntry(text.path, "zh-Hans"));
    }
  }
  const paths = new Set(texts.map((t) => t.path));
  // Entries of the other direction stay as they were; entries of texts no longer in the questionnaire go.
  const converted = earlier.filter((entry) => {
    const read = readConvertedEntry(entry);
    return read !== undefined && read.language !== to && paths.has(read.path);
  });
  let count = 0;
  for (const text of texts) {
    const source = text.read(from);
    if (source === undefined || !HAN.test(source)) continue;
    const entry = convertedEntry(text.path, to);
    const target = text.read(to);
    if (target !== undefined && !madeBefore.has(entry)) continue;
    const made = convert(source);
    if (made !== target) {
      text.write(to, made);
      count++;
    }
    converted.push(entry);
  }
  return { json, converted, count };
}
