/**
 * A sentence of the server, kept as a catalogue key and its parameters until the language of
 * the reader is known: services build phrases, the HTTP edge says them in the request's language.
 */
import type { Sentences } from "./catalogue/sections/sentences.js";
import { LANGUAGES, type Language } from "./language.js";
import { words } from "./words.js";

type Section = keyof Sentences;

/** "section.entry" of every sentence, e.g. "responses.answersInvalid". */
export type SentenceKey = { [S in Section]: `${S}.${keyof Sentences[S] & string}` }[Section];

type Entry<K extends SentenceKey> = K extends `${infer S extends Section}.${infer N}` ? (N extends keyof Sentences[S] ? Sentences[S][N] : never) : never;

/**
 * One text in several languages, for what comes worded from elsewhere (survey-core, a
 * questionnaire): English always, the others when they were read; a missing one reads as English.
 */
export type Translations = Readonly<{ en: string } & Partial<Record<Language, string>>>;

/** A sentence from the catalogue, not yet in a language. */
export interface Phrase {
  readonly key: SentenceKey;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Anything that can be said in every language. */
export type Wording = Phrase | Translations;

/** A string parameter may itself be a wording, said in the same language (a reason inside a detail). */
type Sayable<P> = { [K in keyof P]: P[K] extends string ? string | Wording : P[K] extends string[] ? (string | Wording)[] : P[K] };

/** The parameters `phrase(key, …)` takes: none, or the entry's parameter object. */
export type PhraseArgs<K extends SentenceKey> = Parameters<Entry<K>> extends [] ? [] : [Sayable<Parameters<Entry<K>>[0]>];

/**
 * A sentence to be said later, in the reader's language.
 *
 * @example
 * say("zh-Hans", phrase("surveys.notFound", { name: "demo" })); // => "没有名为“demo”的问卷。"
 */
export function phrase<K extends SentenceKey>(key: K, ...params: PhraseArgs<K>): Phrase {
  return params.length > 0 ? { key, params: params[0] as Record<string, unknown> } : { key };
}

/**
 * A wording in one language.
 *
 * @throws {Error} on a key no catalogue has (a bug: keys are checked at compile time)
 */
export function say(lang: Language, wording: Wording): string {
  if (!isPhrase(wording)) return wording[lang] ?? wording.en;
  const [section, entry] = wording.key.split(".") as [Section, string];
  const sentence = (words(lang).sentences[section] as Record<string, ((p?: unknown) => string) | undefined>)[entry];
  if (typeof sentence !== "function") throw new Error(`say: no sentence ${wording.key}`);
  if (!wording.params) return sentence();
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(wording.params)) {
    params[name] = Array.isArray(value) ? value.map((v) => sayIfWording(lang, v)) : sayIfWording(lang, value);
  }
  return sentence(params);
}

/** True for a phrase or a set of translations. */
export function isWording(value: unknown): value is Wording {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (isPhrase(value as Wording)) return true;
  const texts = value as Record<string, unknown>;
  return typeof texts.en === "string" && LANGUAGES.every((lang) => texts[lang] === undefined || typeof texts[lang] === "string");
}

function isPhrase(wording: Wording): wording is Phrase {
  return typeof (wording as Phrase).key === "string";
}

function sayIfWording(lang: Language, value: unknown): unknown {
  return isWording(value) ? say(lang, value) : value;
}

/**
 * Gives an error object its wording without changing how it compares or serialises: the
 * property is not enumerable, so `{ question, code, message }` stays what tests and the
 * JSON contract see, while the HTTP edge reads `wording` to say the message in the reader's
 * language. (A spread copy drops it: hand it on with `wordingOf`.)
 */
export function withWording<T extends object>(target: T, wording: Wording | undefined): T {
  if (wording) Object.defineProperty(target, "wording", { value: wording, enumerable: false, configurable: true });
  return target;
}

/** The wording given by `withWording`, if any. */
export function wordingOf(target: object): Wording | undefined {
  const value = (target as { wording?: unknown }).wording;
  return isWording(value) ? value : undefined;
}
