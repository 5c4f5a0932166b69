import type { AccountWords } from "../sections/account.js";

export const account: AccountWords = {
  platform: "党建调查平台",
  signInTitle: "登录",
  setupTitle: "创建首个管理员",
  setupIntro: "平台尚无任何账号。此一次性链接用于创建平台管理员，之后由管理员为其他人创建账号。",
  setupUsedTitle: "此初始化链接无法使用",
  login: "账号",
  loginHint: "字母、数字或“.”“_”“-”“@”",
  name: "姓名",
  password: "密码",
  passwordHint: "至少 8 个字符",
  signIn: "登录",
  createAdmin: "创建管理员并登录",
  toSignIn: "前往登录",
  languageLabel: "语言",
  roles: { admin: "管理员", owner: "负责人", editor: "编辑", analyst: "分析员", viewer: "查看者" },
};
