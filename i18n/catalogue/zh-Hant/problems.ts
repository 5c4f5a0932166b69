import type { ProblemWords } from "../sections/problems.js";

export const problems: ProblemWords = {
  titles: {
    bad_request: "請求有誤",
    unauthorized: "未經授權",
    forbidden: "禁止存取",
    not_found: "找不到",
    conflict: "衝突",
    payload_too_large: "請求內容過大",
    unsupported_media_type: "不支援的媒體類型",
    unprocessable: "無法處理的內容",
    too_many_requests: "請求過於頻繁",
    internal: "伺服器內部錯誤",
    unavailable: "服務暫時無法使用",
  },
};
