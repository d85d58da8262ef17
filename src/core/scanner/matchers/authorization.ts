/** `Bearer <token>` and `Authorization: Basic …` wherever they stand: headers, curl lines, code, config. */
import { hasCredentialMix, isCodeName, isPlausibleSecret } from '../values';
import { PRIORITY, type Add } from './context';

/**
 * `Bearer <token>`, also when the token is concatenated to the scheme: `"Bearer " + "<token>"` (PHP's `'Bearer ' . '…'`),
 * `"Bearer ".concat("<token>")` (a template literal as Babel compiles it), `\`Bearer ${"<token>"}\`` (a constant a
 * bundler inlined), or joined: `paste("Bearer", "<token>")` (R),
 * `" ".join(["Bearer", "<token>"])`, Faraday's `conn.authorization :Bearer, '<token>'`; Laravel Sanctum's tokens start
 * with their id and a bar (`Bearer 65|<token>`). A token never starts with a dash: `-A bearer --auth=…` is HTTPie's
 * flags, read by their own site.
 */
const BEARER =
  /\b(?:[Bb]earer|BEARER)(?:\s+|\s*["'\x60]\s*[+.]\s*["'\x60]|\s["']\.concat\(\s*["']| ?["']?\s*,\s*["']|\s\$\{\s*["'])(?<secret>(?:\d{1,10}\|)?(?!-)[A-Za-z0-9_~+/.=-]{16,1000})/dg;
/** .NET: `new AuthenticationHeaderValue("Bearer", "<token>")`. */
const HEADER_VALUE =
  /\bAuthenticationHeaderValue\(\s*"(?:Bearer|Basic|Token)"\s*,\s*@?"(?<secret>[A-Za-z0-9_~+/.=:-]{12,1000})"/dg;
/**
 * Bearer-auth helpers of HTTP clients: `BearerAuth("<token>")`, `new BearerTokenCredential('<token>')`, reqwest's
 * `.bearer_auth("<token>")`, req's `SetBearerAuthToken("<token>")`, libcurl's `CURLOPT_XOAUTH2_BEARER, "<token>"`, Ktor's
 * `bearerAuth("<token>")`, RestAssured's `.auth().oauth2("<token>")`, sttp's `.auth.bearer("<token>")`, Akka HTTP's
 * `OAuth2BearerToken("<token>")`.
 */
const BEARER_CALL =
  /(?:\b(?:[Ss]et|OAuth2)?(?:[Bb]earer(?:Auth|Token|Authenticator|Credential|AuthToken)s?(?:Provider)?|bearer_auth)\(|\bCURLOPT_XOAUTH2_BEARER\s*,|\.auth\(\)\.oauth2\(|\.auth\.bearer\()\s*["'](?<secret>[A-Za-z0-9_~+/.=-]{12,1000})["']/dg;
/**
 * The schemes services use besides Bearer: Basic, Token (Django REST, GitHub), Bot (Discord), SSWS (Okta), Client-ID
 * (Imgur, Unsplash)…
 */
const SCHEME = String.raw`(?:Basic|Token|Api-Token|ApiKey|Api-Key|Key|Digest|Bot|SSWS|Splunk|GenieKey|Zoho-oauthtoken|OAuth|JWT|Client-ID)`;
/**
 * Also a HAR's header (`{ "name": "authorization", "value": "Basic …" }`), an XML property's (`name="Authorization"
 * value="Splunk …"`, log4j's HTTP appender), Perl's and PHP's `'Authorization' => …` and an index's
 * (`headers["Authorization"] = "Token token=…"`, Rails' token scheme);
 * after a comma only a string (`Authorization, OAuth2BearerToken` imports two names); the scheme may be joined to its
 * credential (`"Authorization","Token "+"…"`); CGI's `HTTP_AUTHORIZATION` (a Django error mail's request), and any name
 * that ends in it over a scheme (`SERVICE_AUTHORIZATION=Basic …`; not `DEFAULT_AUTHORIZATION = "OAuth2Client…"`).
 */
const BASIC = new RegExp(
  String.raw`(?:\b|(?<=HTTP_|PROXY_)|(?<=_)(?=\w+\W{1,6}(?:Basic|Bearer|Token)\s))Authorization["']?\]?(?:\s*,\s*"value"|"\s+value(?==))?(?:\s*(?:(?:=>|[:=])\s*["']?|,\s*["'])(?:${SCHEME}(?:\s+|\s*["'\x60]\s*\+\s*["'\x60]))?|\s+["']?${SCHEME}\s+)(?:token=\\?"?)?(?<secret>[A-Za-z0-9_~+/.=:@-]{12,500})`,
  'dgi',
);

/**
 * A string that is a whole Basic header value, whoever sends it (`const authHeader = "Basic …"`, a bundle's
 * `n="Basic …"`): reported when its base64 holds a user and a password.
 */
const BASIC_VALUE = /(["'\x60])Basic (?<secret>[A-Za-z0-9+/]{12,500}={0,2})\1/dg;
/** A REST Client request's (`.http`, `.rest`) Basic header with its user and password apart: `Basic ops Pa55…`. */
const BASIC_USER_PASSWORD = /^\s*Authorization:\s*Basic\s+[\w.@-]{1,64}\s+(?<secret>\S{4,200})\s*$/dgi;
/** The same as a YAML list's item under a header's name (a VCR cassette's `Authorization:` / `- Basic …`). */
const BASIC_ITEM = /^\s*-\s+Basic (?<secret>[A-Za-z0-9+/]{12,500}={0,2})\s*$/dg;

/**
 * `Basic dGVzdDp0ZXN0` ("test:test"): base64 of a user and a password that is a placeholder or the user's own name, or
 * of plain text with no `user:password` in it.
 */
function isSampleBasicCredentials(secret: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(secret)) return false;
  const decoded = Buffer.from(secret, 'base64').toString('latin1');
  if (/^[A-Za-z][A-Za-z .,'!?-]{8,}\n?$/.test(decoded)) return true; // "Thank you for reading": text, no user:password
  const m = USER_AND_PASSWORD.exec(decoded);
  return !!m && (m[1] === m[2] || !isPlausibleSecret(m[2], { minLength: 4 }));
}

/** What Basic credentials decode to: a printable user and password. */
const USER_AND_PASSWORD = /^([\x20-\x7e]{1,100}):([\x20-\x7e]{1,200})$/;

/** Words joined by dashes, as a service names its authorization scheme (`Klaviyo-API-Key`, `Zoho-oauthtoken`). */
const SCHEME_NAME = /^[A-Za-z]+(?:-[A-Za-z]+)+$/;
/** An HTTP header's name: capitalised words joined by dashes (`Authorization`, `Proxy-Authorization`, `Clear-Site-Data`). */
const HEADER_NAME = /^[A-Z][a-z]+(?:-[A-Z][a-z]+)*$/;

/** Each form, its rule and kind, and whether only base64 of a user and a password counts (no header name says so). */
const FORMS = [
  [BEARER, 'bearer-token', 'bearer token', false],
  [HEADER_VALUE, 'bearer-token', 'bearer token', false],
  [BEARER_CALL, 'bearer-token', 'bearer token', false],
  [BASIC, 'authorization-header', 'credentials in an Authorization header', false],
  [BASIC_USER_PASSWORD, 'authorization-header', 'credentials in an Authorization header', false],
  [BASIC_VALUE, 'authorization-header', 'credentials in an Authorization header', true],
  [BASIC_ITEM, 'authorization-header', 'credentials in an Authorization header', true],
] as const;

export function scanAuthorization(line: string, found: ReadonlySet<string>, base: number, add: Add): void {
  if (!found.has('bearer') && !found.has('authorization') && !found.has('.oauth2(') && !found.has('basic ')) return;
  for (const [pattern, ruleId, kind, decodesToLogin] of FORMS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const range = m.indices?.groups?.secret;
      const secret = m.groups?.secret ?? '';
      if (!range || !isPlausibleSecret(secret, { minLength: 12, minEntropy: 3, mixed: true })) continue;
      // Random tokens mix digits or cases; `Bearer authorization_uri="…"` (a challenge) and `authorizationValue` do not.
      if (!hasCredentialMix(secret) || isCodeName(secret) || /^[A-Za-z_]+=$/.test(secret)) continue;
      if (line[range[1]] === '(') continue; // `authorization = base64.decodebytes(…)`: a call
      // `["Authorization","Cache-Control",…]`, `proxy ? 'Proxy-Authorization' : 'Authorization'`: header names
      if (HEADER_NAME.test(secret)) continue;
      // `'Authorization': 'Klaviyo-API-Key ' + KEY`: a scheme's name, its credential joined after the space
      if (SCHEME_NAME.test(secret) && /^ ["'\x60]/.test(line.slice(range[1], range[1] + 2))) continue;
      // a signing scheme (SigV4's `AWS4-HMAC-SHA256`, Alibaba's `ACS3-…`, Huawei's `SDK-…`, Tencent's `TC3-…`): a
      // request's signature follows, no credential
      if (/^[A-Z][A-Z0-9]{1,11}-HMAC-SHA\d{1,3}$/.test(secret)) continue;
      // `"Bearer " + "eyJhbGciOiJIUzI1NiJ9." + "forged."`: a JWT's header alone, a fragment a test forges a token from
      if (/^eyJ[A-Za-z0-9_-]+\.*$/.test(secret)) continue;
      if (ruleId === 'authorization-header' && isSampleBasicCredentials(secret)) continue;
      if (decodesToLogin && !USER_AND_PASSWORD.test(Buffer.from(secret, 'base64').toString('latin1'))) continue;
      add(
        { ruleId, kind, severity: 'error', start: base + range[0], end: base + range[1], nameHint: 'AUTH_TOKEN' },
        PRIORITY.token,
      );
    }
  }
}
