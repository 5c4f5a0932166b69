import type { AccountWords } from "../sections/account.js";

export const account: AccountWords = {
  platform: "黨建調查平台",
  signInTitle: "登入",
  setupTitle: "建立首位管理員",
  setupIntro: "平台尚無任何帳號。此一次性連結用於建立平台管理員，之後由管理員為其他人建立帳號。",
  setupUsedTitle: "此初始設定連結無法使用",
  login: "帳號",
  loginHint: "字母、數字或「.」「_」「-」「@」",
  name: "姓名",
  password: "密碼",
  passwordHint: "至少 8 個字元",
  signIn: "登入",
  createAdmin: "建立管理員並登入",
  toSignIn: "前往登入",
  languageLabel: "語言",
  roles: { admin: "管理員", owner: "負責人", editor: "編輯", analyst: "分析員", viewer: "檢視者" },
};
