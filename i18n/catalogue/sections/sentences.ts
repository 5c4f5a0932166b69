import type { sentences } from "../en/sentences.js";

/**
 * What the server says (problem+json details, field reasons, import problems, answer checks),
 * by section. The English sentences define the shape and the parameters of every entry, so a
 * sentence is added once in en/sentences.ts and the other catalogues fail to compile until
 * they have it too.
 */
export type Sentences = typeof sentences;
