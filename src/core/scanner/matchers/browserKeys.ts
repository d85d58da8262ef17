/**
 * Keys made to ship to every browser that loads an app, documented as identifiers rather than secrets: a Firebase web
 * app's configuration (`apiKey` beside `authDomain`, `messagingSenderId`, `appId: "1:…:web:…"`) and Algolia's
 * search-only keys beside the index a search box queries (DocSearch's `{appId, apiKey, indexName}`), Segment's write
 * key in the browser snippet that loads analytics.js, and GrowthBook's client keys. The same formats anywhere else (a
 * server's `.env`, a Maps call from a server, an admin key) stay findings; the key a page's Maps loader carries
 * (`maps/api/js?key=…`), or a minified bundle gives by a Maps key's name, is the browser's. Stripe's publishable keys
 * (`pk_live_…`) are public under any name: Stripe.js loads them in every checkout page; so are RevenueCat's SDK keys
 * (`appl_…`) and Branch's keys (`key_live_…`), which every app build ships.
 */
import { positionOf, type Window } from './context';
import { MINIFIED_LINE } from './minifiedFlow';
import { snakeCase } from '../rules/secretNames';
import type { Candidate } from '../types';

const FIREBASE_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
const STRIPE_PUBLISHABLE_KEY = /^pk_(?:live|test)_[0-9A-Za-z]{10,}$/;
/** Fields only a Firebase configuration has beside its key (a web app's, or the Android resources made from one). */
const FIREBASE_CONFIG =
  /authDomain|messagingSenderId|firebaseapp\.com|firebasestorage\.app|:web:[0-9a-f]{6,}|"google_app_id"|"gcm_defaultSenderId"/;
const MOBILE_CONFIG = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist)$/;
/**
 * Expo's app configuration, whose `googleMapsApiKey` (iOS) and `googleMaps: { apiKey }` (Android) the app ships,
 * restricted to the app's bundle ID.
 */
const EXPO_CONFIG = /(?:^|\/)app\.(?:json|config\.[jt]s)$/;
const EXPO_ANDROID_MAPS_KEY = /googleMaps["']?\s{0,2}:\s{0,2}\{\s{0,40}["']?apiKey["']?\s{0,2}:\s{0,2}["']$/;
/**
 * The Android resources the Google services plugin writes from google-services.json (`<string name="google_api_key">`),
 * the Maps SDK's key in a manifest's `com.google.android.geo.API_KEY` or in the resource Android Studio's Maps template
 * names `google_maps_key`: every build of the app ships them; so does an iOS app's Maps SDK key,
 * `GMSServices.provideAPIKey("…")` or `[GMSServices provideAPIKey:@"…"]` (IOS_MAPS_KEY, right before the key).
 */
const ANDROID_GOOGLE_KEY =
  /name="(?:google_api_key|google_crash_reporting_api_key|google_maps_key|com\.google\.android\.geo\.API_KEY)"/;
const IOS_MAPS_KEY = /provideAPIKey(?:\(\s{0,4}|:@)"$/;
/** A Firebase web app's key by its name (`NEXT_PUBLIC_FIREBASE_API_KEY=…`), as an `.env` hands it to the app. */
const FIREBASE_KEY_NAMED = /FIREBASE_(?:WEB_)?API_KEY["']?\s{0,2}[:=]\s{0,2}["']?$/i;
/** The Maps JavaScript API loader's options after its key: `new Loader({apiKey: "…", libraries: ["places"]})`. */
const MAPS_LOADER_OPTIONS = /^["'`]\s{0,2},[^{}\n]{0,200}?\blibraries:\s?\[/;
/**
 * An app's build settings (Gradle, Xcode; the BuildConfig.java Gradle writes, a Flutter build's assets) and Info.plist,
 * compiled into every build of the app: a Maps SDK key there, named on its line (`MAPS_API_KEY`) or by the plist key
 * above it (`<key>GMSApiKey</key>`), is the app's, restricted to it.
 */
const APP_BUILD_SETTINGS =
  /(?:^|\/)(?:build\.gradle(?:\.kts)?|local\.properties|Info\.plist|[^/]+\.xcconfig|BuildConfig\.java)$|\/flutter_assets\//;
/** (tested in snake case: `releaseGoogleMapsApiKey` as `release_Google_Maps_Api_Key`; not `SITEMAPS_…`, a server's key) */
const MAPS_KEY_NAMED =
  /(?:^|[^a-z])(?:google_?)?(?:maps|gms)(?![\w.-]{0,30}(?:server|backend))[\w.-]{0,30}key[\w.-]{0,20}(?:\W{0,12}(?:to\W{1,4})?|<\/key>\s*<string>)$/i;
/**
 * The Maps JavaScript API's loader in a page (`maps/api/js?key=…`), or a Maps Embed iframe's source
 * (`google.com/maps/embed/v1/place?key=…`): the browser's key, restricted by referrer.
 */
const MAPS_LOADER =
  /(?:maps\.googleapis\.com\/maps\/api\/js|google\.com\/maps\/embed\/v1\/\w{1,20})\?(?:[\w.-]{1,40}=[^&"'\s]{0,80}&(?:amp;)?)*key=$/;
/** A bundle's Maps key given by name (`mapsKey:"…"`, `googleMapsApiKey="…"`): shipped to the page that draws the map. */
const MAPS_KEY_BEFORE = /maps?_?(?:api_?)?key["']?\s{0,2}[:=]\s{0,2}["'`]$/i;
/** RevenueCat's public SDK keys, which every app build ships (`appl_…`, `goog_…`, `amzn_…`). */
const REVENUECAT_PUBLIC_KEY = /^(?:appl|goog|amzn)_[A-Za-z0-9]{20,40}$/;
/** Branch's keys (`key_live_…`, `key_test_…`), which its SDK reads from every app's manifest; the Branch secret is not one. */
const BRANCH_KEY = /^key_(?:live|test)_[A-Za-z0-9]{32}$/;
const ALGOLIA_KEY = /^[0-9a-f]{32}$/;
/** What a search box's configuration holds beside its key. */
const SEARCH_CONFIG = /\bindexName\b|\bdocsearch\b|\balgoliasearch\(/;
/**
 * Segment's snippet (`analytics._writeKey="…"`, `analytics.load("…")`), analytics-next's `AnalyticsBrowser.load({
 * writeKey })`, a React Native app's `segment: { writeKey }`.
 */
const SEGMENT_SNIPPET =
  /analytics\.load\(|analytics\._writeKey|AnalyticsBrowser\.load\(|\bsegment["']?\s{0,2}:\s{0,2}\{/;
/** GrowthBook's client keys (`clientKey: "sdk-…"`), which its SDK fetches features with from every page. */
const GROWTHBOOK_CLIENT_KEY = /^sdk-[A-Za-z0-9]{12,20}$/;
/** What a search box calls its key (`apiKey`, `searchOnlyApiKey`; a client's argument is an `API_KEY`). */
const SEARCH_KEY_NAME = /^(?:[\w.]*\.)?(?:api_?key|search_?(?:only_?)?(?:api_?)?key)$/i;
/** A name that says the key only searches: `searchOnlyApiKey`, `NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY`, `searchKey`. */
const SEARCH_ONLY_NAME = /search_?only|algolia[_:]?search_?(?:api_?)?key|^(?:[\w.]*\.)?search_?(?:api_?)?key$/i;
/** Algolia keys that write, named so in the key, its line or its file: never public. */
const WRITE_KEY = /admin|write/i;
/**
 * The file holds an Algolia client: whether its key is an admin key depends on calls anywhere in the file, so the file
 * is scanned whole again on every edit (incremental.ts).
 */
export const holdsAlgoliaClient = (text: string): boolean => text.includes('algoliasearch(');
/** Calls that write to an Algolia index: the key of a file that makes them is an admin key. */
const WRITES_INDEX =
  /\.(?:saveObjects?|partialUpdateObjects?|deleteObjects?|clearObjects|replaceAllObjects|setSettings|saveRules?|saveSynonyms?|deleteIndex|copyIndex|moveIndex)\(/;
/** Whether each window writes to an index, found once: a bundle may hold many keys, and the search reads it whole. */
const WRITES_INDEX_IN = new WeakMap<Window, boolean>();

function writesIndex(window: Window): boolean {
  let writes = WRITES_INDEX_IN.get(window);
  if (writes === undefined) WRITES_INDEX_IN.set(window, (writes = WRITES_INDEX.test(window.text)));
  return writes;
}
/** How far the configuration's other fields may stand: lines around a key, characters around it on a long line. */
const REACH_LINES = 6;
const REACH_CHARS = 400;

/** Keys public by their format, under any name: Stripe's publishable keys, RevenueCat's SDK keys, Branch's keys. */
export const isPublicByFormat = (value: string): boolean =>
  STRIPE_PUBLISHABLE_KEY.test(value) || REVENUECAT_PUBLIC_KEY.test(value) || BRANCH_KEY.test(value);

export function isBrowserKey(candidate: Candidate, window: Window): boolean {
  const value = window.text.slice(candidate.start, candidate.end);
  if (isPublicByFormat(value)) return true;
  // an Android or iOS app's Firebase configuration, which Firebase's documentation says is safe to commit
  if (FIREBASE_KEY.test(value))
    return (
      MOBILE_CONFIG.test(window.path ?? '') ||
      FIREBASE_CONFIG.test(around(candidate, window)) ||
      ANDROID_GOOGLE_KEY.test(window.text.slice(Math.max(0, candidate.start - 120), candidate.start)) ||
      MAPS_LOADER.test(window.text.slice(Math.max(0, candidate.start - 60), candidate.start)) ||
      IOS_MAPS_KEY.test(window.text.slice(Math.max(0, candidate.start - 40), candidate.start)) ||
      FIREBASE_KEY_NAMED.test(window.text.slice(Math.max(0, candidate.start - 60), candidate.start)) ||
      MAPS_LOADER_OPTIONS.test(window.text.slice(candidate.end, candidate.end + 260)) ||
      (APP_BUILD_SETTINGS.test(window.path ?? '') &&
        MAPS_KEY_NAMED.test(snakeCase(window.text.slice(Math.max(0, candidate.start - 120), candidate.start)))) ||
      (MAPS_KEY_BEFORE.test(window.text.slice(Math.max(0, candidate.start - 40), candidate.start)) &&
        (EXPO_CONFIG.test(window.path ?? '') || onMinifiedLine(candidate, window))) ||
      (EXPO_CONFIG.test(window.path ?? '') &&
        EXPO_ANDROID_MAPS_KEY.test(window.text.slice(Math.max(0, candidate.start - 100), candidate.start)))
    );
  const name = candidate.nameHint ?? '';
  if (ALGOLIA_KEY.test(value) && (SEARCH_KEY_NAME.test(name) || SEARCH_ONLY_NAME.test(name))) {
    // a name that says the key only searches decides, whatever else its file holds (`…_ADMIN_KEY` beside it, writes)
    if (SEARCH_ONLY_NAME.test(name)) return true;
    if (writesIndex(window)) return false; // a script that writes to the index holds a key that can
    if ([lineOf(candidate, window), window.path ?? ''].some((text) => WRITE_KEY.test(text))) return false;
    return SEARCH_CONFIG.test(around(candidate, window));
  }
  // an analytics write key sends events from every page: in a snippet, or in a bundle, it is public by design
  if (/writeKey$/i.test(candidate.nameHint ?? ''))
    return SEGMENT_SNIPPET.test(around(candidate, window)) || onMinifiedLine(candidate, window);
  if (/clientKey$/i.test(candidate.nameHint ?? '')) return GROWTHBOOK_CLIENT_KEY.test(value);
  return false;
}

const onMinifiedLine = (candidate: Candidate, window: Window): boolean =>
  window.lines[positionOf(window.lineStarts, candidate.start).line].length >= MINIFIED_LINE;

/**
 * The candidate's line; on a long line (a bundle, a source map's `sourcesContent`), the stretch between the escaped
 * line breaks (`\\n`) around it, a few hundred characters at most.
 */
function lineOf(candidate: Candidate, { text, lines, lineStarts }: Window): string {
  const { line } = positionOf(lineStarts, candidate.start);
  if (lines[line].length < MINIFIED_LINE) return lines[line];
  const before = text.slice(Math.max(lineStarts[line], candidate.start - REACH_CHARS), candidate.start);
  const after = text.slice(candidate.end, Math.min(lineStarts[line] + lines[line].length, candidate.end + REACH_CHARS));
  const from = before.lastIndexOf('\\n');
  const to = after.indexOf('\\n');
  return `${from < 0 ? before : before.slice(from + 2)}${text.slice(candidate.start, candidate.end)}${to < 0 ? after : after.slice(0, to)}`;
}

/** The text a few lines (or, on a long line, a few hundred characters) either side of the candidate. */
function around(candidate: Candidate, { text, lines, lineStarts }: Window): string {
  const { line } = positionOf(lineStarts, candidate.start);
  const from = Math.max(0, line - REACH_LINES);
  const to = Math.min(lines.length - 1, line + REACH_LINES);
  return text.slice(
    Math.max(lineStarts[from], candidate.start - REACH_CHARS),
    Math.min(lineStarts[to] + lines[to].length, candidate.end + REACH_CHARS),
  );
}
