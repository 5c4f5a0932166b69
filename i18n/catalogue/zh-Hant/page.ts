/** The respondent page's own texts (SurveyJS brings its own for the form). */
import type { PageWords } from "../sections/page.js";

export const page: PageWords = {
  restored: "已恢復您上次未填完的答卷，可以接著填寫。",
  submitting: "正在提交答卷…",
  pendingTitle: "答卷已填寫完成，正在提交",
  networkFailed: "網路連線失敗，答卷已儲存在本機，將自動重試。請不要清除瀏覽器資料。",
  serverBusy: "伺服器暫時無法接收答卷，答卷已儲存在本機，將自動重試。",
  retryNow: "立即重試",
  rejectedTitle: "答卷未被接受",
  rejectedHint: "伺服器指出以下問題，請返回修改後重新提交：",
  backToEdit: "返回修改",
  conflictTitle: "答卷編號衝突",
  conflictText: "伺服器上已有一份使用同一編號但答案不同的答卷，伺服器保留了先提交的那一份。您這次填寫的答案仍完整儲存在本機，可以作為一份新答卷提交。",
  submitAsNew: "作為新答卷提交",
  failedTitle: "提交失敗",
  failedText: (status, detail) => `伺服器拒絕了提交（HTTP ${status}）${detail ? `：${detail}` : "。"} 答卷仍儲存在本機。`,
  attempts: (n) => `已嘗試 ${n} 次`,
  storageUnavailable: "此瀏覽器不允許本機儲存，關閉頁面前請務必提交答卷。",
  languageLabel: "語言",
  preview: "草稿預覽，僅問卷成員可見：在此頁提交的答卷不會儲存。",
  unavailable: {
    title: "本問卷暫不接收答卷",
    draft: "本問卷尚未開放填寫，請在發放單位通知的時間再開啟此連結。",
    closed: "本問卷已結束收集，感謝您的關注。",
    pastClosing: (at) => `本問卷已於 ${at} 截止收集，感謝您的關注。`,
    full: "本問卷收集的答卷已達上限，感謝您的關注。",
  },
  problem: (question, message) => `${question}：${message}`,
  choiceLimit: (max) => `最多選 ${max} 項，已選滿；如需改選，請先取消一項。`,
  notANumber: "請填寫數字，只用阿拉伯數字（如 12 或 3.5）。",
};
