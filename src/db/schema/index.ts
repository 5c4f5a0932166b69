export { surveys } from "./surveys.js";
export { surveyVersions } from "./survey-versions.js";
export { responses } from "./responses.js";
export { tokens } from "./tokens.js";
export { collectionLinks } from "./collection-links.js";
