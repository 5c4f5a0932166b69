import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let instance: Jieba | undefined;

/**
 * The process's one jieba, with its general dictionary (about 0.2 s to load), made on first
 * use: a server that never segments an answer never pays for it. Survey dictionaries are
 * not loaded into it — words cannot be taken out of a jieba again, and one survey's terms
 * must not change another's tables — the segmenter keeps them whole before jieba cuts.
 */
export function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}
