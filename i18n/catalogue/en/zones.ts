import type { ZoneWords } from "../sections/zones.js";

export const zones: ZoneWords = {
  names: {
    "Asia/Shanghai": "China Standard Time",
    "Asia/Urumqi": "Urumqi Time",
    "Asia/Hong_Kong": "Hong Kong Time",
    "Asia/Macau": "Macau Time",
    "Asia/Taipei": "Taipei Time",
    UTC: "Coordinated Universal Time",
  },
};
