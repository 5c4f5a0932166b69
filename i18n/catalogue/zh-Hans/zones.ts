import type { ZoneWords } from "../sections/zones.js";

export const zones: ZoneWords = {
  names: {
    "Asia/Shanghai": "北京时间",
    "Asia/Urumqi": "乌鲁木齐时间",
    "Asia/Hong_Kong": "香港时间",
    "Asia/Macau": "澳门时间",
    "Asia/Taipei": "台北时间",
    UTC: "协调世界时",
  },
};
