export { surveys } from "./surveys.js";
export { surveyVersions } from "./survey-versions.js";
export { responses } from "./responses.js";
export { tokens } from "./tokens.js";
export { users } from "./users.js";
export { sessions } from "./sessions.js";
export { setupCodes } from "./setup-codes.js";
export { signInFailures } from "./sign-in-failures.js";
