import type { Catalogue } from "./catalogue.js";
import { account } from "./zh-Hans/account.js";
import { chart } from "./zh-Hans/chart.js";
import { choices } from "./zh-Hans/choices.js";
import { exportWords } from "./zh-Hans/export.js";
import { links } from "./zh-Hans/links.js";
import { page } from "./zh-Hans/page.js";
import { problems } from "./zh-Hans/problems.js";
import { report } from "./zh-Hans/report.js";
import { sentences } from "./zh-Hans/sentences.js";
import { table } from "./zh-Hans/table.js";
import { workspace } from "./zh-Hans/workspace.js";
import { zones } from "./zh-Hans/zones.js";

/** Everything the platform says in Simplified Chinese, the default language. */
export const zhHans: Catalogue = { page, chart, table, report, export: exportWords, links, choices, problems, account, workspace, zones, sentences };
