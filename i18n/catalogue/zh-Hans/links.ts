/** 收集链接卡片的打印页。 */
import type { LinkWords } from "../sections/links.js";

export const links: LinkWords = {
  cardsTitle: (survey) => `收集链接：${survey}`,
  cardsHint: "请沿边框剪下卡片，分发给各单位；通过卡片提交的答卷计入该单位。",
  scan: "请用微信或手机相机扫描二维码填写问卷",
  orOpen: "或打开：",
  expected: (n) => `应收答卷：${n} 份`,
  none: "本问卷没有开放的收集链接。",
};
