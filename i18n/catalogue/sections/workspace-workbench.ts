import type { workbench } from "../en/workspace-workbench.js";

/** The analysis workbench's words: the English catalogue gives the shape, the others must match it. */
export type WorkbenchWords = typeof workbench;
