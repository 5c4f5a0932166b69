import type { ZoneWords } from "../sections/zones.js";

export const zones: ZoneWords = {
  names: {
    "Asia/Shanghai": "北京時間",
    "Asia/Urumqi": "烏魯木齊時間",
    "Asia/Hong_Kong": "香港時間",
    "Asia/Macau": "澳門時間",
    "Asia/Taipei": "臺北時間",
    UTC: "協調世界時",
  },
};
