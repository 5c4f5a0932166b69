import type { Catalogue } from "./catalogue.js";
import { account } from "./en/account.js";
import { chart } from "./en/chart.js";
import { choices } from "./en/choices.js";
import { exportWords } from "./en/export.js";
import { links } from "./en/links.js";
import { page } from "./en/page.js";
import { problems } from "./en/problems.js";
import { report } from "./en/report.js";
import { sentences } from "./en/sentences.js";
import { table } from "./en/table.js";
import { workspace } from "./en/workspace.js";
import { zones } from "./en/zones.js";

/** Everything the platform says in English. */
export const en: Catalogue = { page, chart, table, report, export: exportWords, links, choices, problems, account, workspace, zones, sentences };
