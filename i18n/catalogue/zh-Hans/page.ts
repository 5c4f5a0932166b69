/** The respondent page's own texts (SurveyJS brings its own for the form). */
import type { PageWords } from "../sections/page.js";

export const page: PageWords = {
  restored: "已恢复您上次未填完的答卷，可以接着填写。",
  submitting: "正在提交答卷…",
  pendingTitle: "答卷已填写完成，正在提交",
  networkFailed: "网络连接失败，答卷已保存在本机，将自动重试。请不要清除浏览器数据。",
  serverBusy: "服务器暂时无法接收答卷，答卷已保存在本机，将自动重试。",
  retryNow: "立即重试",
  rejectedTitle: "答卷未被接受",
  rejectedHint: "服务器指出以下问题，请返回修改后重新提交：",
  backToEdit: "返回修改",
  conflictTitle: "答卷编号冲突",
  conflictText: "服务器上已有一份使用同一编号但答案不同的答卷，服务器保留了先提交的那一份。您这次填写的答案仍完整保存在本机，可以作为一份新答卷提交。",
  submitAsNew: "作为新答卷提交",
  failedTitle: "提交失败",
  failedText: (status, detail) => `服务器拒绝了提交（HTTP ${status}）${detail ? `：${detail}` : "。"} 答卷仍保存在本机。`,
  attempts: (n) => `已尝试 ${n} 次`,
  storageUnavailable: "此浏览器不允许本地保存，关闭页面前请务必提交答卷。",
  languageLabel: "语言",
  preview: "草稿预览，仅问卷成员可见：在此页提交的答卷不会保存。",
  unavailable: {
    title: "本问卷暂不接收答卷",
    draft: "本问卷尚未开放填写，请在发放单位通知的时间再打开此链接。",
    closed: "本问卷已结束收集，感谢您的关注。",
    pastClosing: (at) => `本问卷已于 ${at} 截止收集，感谢您的关注。`,
    full: "本问卷收集的答卷已达上限，感谢您的关注。",
  },
  problem: (question, message) => `${question}：${message}`,
  choiceLimit: (max) => `最多选 ${max} 项，已选满；如需改选，请先取消一项。`,
  notANumber: "请填写数字，只用阿拉伯数字（如 12 或 3.5）。",
};
