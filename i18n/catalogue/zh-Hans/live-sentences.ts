/** 关于实时结果（服务器推送事件），服务器所说的简体中文。 */
import type { Sentences } from "../sections/sentences.js";

export const live: Sentences["live"] = {
  requestNotJson: () => "request 参数不是 JSON：请发送与该分析 POST 请求相同的、经 URL 编码的 JSON 请求体。",
  requestField: () => "分析请求的 JSON（经 URL 编码）",
};
