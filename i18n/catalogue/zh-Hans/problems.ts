import type { ProblemWords } from "../sections/problems.js";

export const problems: ProblemWords = {
  titles: {
    bad_request: "请求有误",
    unauthorized: "未授权",
    forbidden: "禁止访问",
    not_found: "未找到",
    conflict: "冲突",
    payload_too_large: "请求内容过大",
    unsupported_media_type: "不支持的媒体类型",
    unprocessable: "无法处理的内容",
    too_many_requests: "请求过于频繁",
    internal: "服务器内部错误",
    unavailable: "服务暂时不可用",
  },
};
