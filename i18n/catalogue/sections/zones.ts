/**
 * Names of the time zones a survey may be read in, by IANA name. Written here rather than taken
 * from Intl because browsers carry fewer CLDR names than Node (Chromium calls Asia/Urumqi
 * "Urumqi时间"), and the server and the page must name a zone alike. A zone not listed is shown by
 * its IANA name.
 */
export interface ZoneWords {
  names: Record<string, string>;
}
