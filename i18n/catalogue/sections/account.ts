/** The sign-in and first-start setup pages. */
export interface AccountWords {
  /** The platform's name, above every page. */
  platform: string;
  signInTitle: string;
  setupTitle: string;
  setupIntro: string;
  setupUsedTitle: string;
  login: string;
  loginHint: string;
  name: string;
  password: string;
  passwordHint: string;
  signIn: string;
  createAdmin: string;
  toSignIn: string;
  languageLabel: string;
  /** The role names of survey members, and of an administrator. */
  roles: { admin: string; owner: string; editor: string; analyst: string; viewer: string };
}
