/**
 * Deterministic demo data for the shipped questionnaires: the reference study's 1,812
 * responses, reproducing its published figures, and a district's coverage census.
 */
export { generateDemoResponses, type DemoResponse, type DemoOptions } from "./generate-responses.js";
export { generateCensusResponses, type CensusOptions } from "./generate-census.js";
export { PUBLISHED_TARGETS, CENSUS_TARGETS } from "./targets.js";
export { isCreditCode } from "./credit-code.js";
