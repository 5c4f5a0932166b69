import type { AccountWords } from "../sections/account.js";

export const account: AccountWords = {
  platform: "Party-building survey platform",
  signInTitle: "Sign in",
  setupTitle: "Create the first administrator",
  setupIntro: "No account exists yet. This one-time link creates the platform's administrator, who then creates everybody else's accounts.",
  setupUsedTitle: "This setup link cannot be used",
  login: "Login",
  loginHint: "Letters, digits, '.', '_', '-' or '@'",
  name: "Name",
  password: "Password",
  passwordHint: "At least 8 characters",
  signIn: "Sign in",
  createAdmin: "Create administrator and sign in",
  toSignIn: "Go to sign-in",
  languageLabel: "Language",
  roles: { admin: "administrator", owner: "owner", editor: "editor", analyst: "analyst", viewer: "viewer" },
};
