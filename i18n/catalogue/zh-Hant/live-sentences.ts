/** 關於即時結果（伺服器推送事件），伺服器所說的繁體中文。 */
import type { Sentences } from "../sections/sentences.js";

export const live: Sentences["live"] = {
  requestNotJson: () => "request 參數不是 JSON：請傳送與該分析 POST 請求相同的、經 URL 編碼的 JSON 請求本文。",
  requestField: () => "分析請求的 JSON（經 URL 編碼）",
};
