/** 收集連結卡片的列印頁。 */
import type { LinkWords } from "../sections/links.js";

export const links: LinkWords = {
  cardsTitle: (survey) => `收集連結：${survey}`,
  cardsHint: "請沿邊框剪下卡片，分發給各單位；透過卡片提交的答卷計入該單位。",
  scan: "請用微信或手機相機掃描 QR 碼填寫問卷",
  orOpen: "或開啟：",
  expected: (n) => `應收答卷：${n} 份`,
  none: "本問卷沒有開放的收集連結。",
};
