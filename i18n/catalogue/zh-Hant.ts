import type { Catalogue } from "./catalogue.js";
import { account } from "./zh-Hant/account.js";
import { chart } from "./zh-Hant/chart.js";
import { choices } from "./zh-Hant/choices.js";
import { exportWords } from "./zh-Hant/export.js";
import { links } from "./zh-Hant/links.js";
import { page } from "./zh-Hant/page.js";
import { problems } from "./zh-Hant/problems.js";
import { report } from "./zh-Hant/report.js";
import { sentences } from "./zh-Hant/sentences.js";
import { table } from "./zh-Hant/table.js";
import { workspace } from "./zh-Hant/workspace.js";
import { zones } from "./zh-Hant/zones.js";

/** Everything the platform says in Traditional Chinese (Taiwan and Hong Kong usage). */
export const zhHant: Catalogue = { page, chart, table, report, export: exportWords, links, choices, problems, account, workspace, zones, sentences };
