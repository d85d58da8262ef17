import * as assert from 'node:assert/strict';
import { scanText } from '../../../src/core/scanner';
import { kindName } from '../../../src/core/scanner/kindNames';
import { VENDOR_TOKENS } from '../../../src/core/scanner/rules/vendorTokens';

let seed = 11;
/** Deterministic pseudo-random characters (the LCG's high bits: its low bits repeat with a short period). */
const pick = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return alphabet[Math.floor((seed / 2 ** 31) * alphabet.length)];
  }).join('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const AN = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER}0123456789`;
const an = (n: number) => pick(AN, n);
const hex = (n: number) => pick('0123456789abcdef', n);
const lowerDigits = (n: number) => pick(`${LOWER}0123456789`, n);
const upperDigits = (n: number) => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', n);
const uuid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;

/** One realistic credential per rule, as the service issues it. */
const SAMPLES: Record<string, () => string> = {
  'adyen-api-key': () => `AQE${an(60)}==-${an(43)}=-${an(16)}`,
  'age-secret-key': () => `AGE-SECRET-KEY-1${pick('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
  'airtable-pat': () => `pat${an(14)}.${hex(64)}`,
  'artifactory-token': () => `AKCp${an(69)}`,
  'aws-bedrock-api-key': () => `ABSK${an(120)}`,
  'confluent-api-key': () => `${upperDigits(14)}7Q`,
  'deepl-api-key': () => `${uuid()}:fx`,
  'docker-hub-token': () => `dckr_pat_${an(27)}`,
  'doppler-token': () => `dp.st.${an(40)}`,
  'duffel-token': () => `duffel_live_${an(43)}`,
  'dynatrace-token': () => `dt0c01.${upperDigits(24)}.${upperDigits(64)}`,
  'easypost-token': () => `EZAK${an(54)}`,
  'flutterwave-secret-key': () => `FLWSECK_TEST-${pick('abcdefgh0123456789', 32)}-X`,
  'frameio-token': () => `fio-u-${an(64)}`,
  'google-oauth-access-token': () => `ya29.a0${an(120)}`,
  'heroku-token': () => `HRKU-AA${an(58)}`,
  'infracost-token': () => `ico-${an(32)}`,
  'mailchimp-api-key': () => `${hex(32)}-us21`,
  'new-relic-key': () => `NRAK-${upperDigits(27)}`,
  'openshift-token': () => `sha256~${an(43)}`,
  'pagerduty-integration-key': () => hex(32),
  'perplexity-api-key': () => `pplx-${an(48)}`,
  'planetscale-token': () => `pscale_tkn_${an(43)}`,
  'postman-api-key': () => `PMAK-${hex(24)}-${hex(34)}`,
  'posthog-personal-api-key': () => `phx_${an(43)}`,
  'prefect-api-key': () => `pnu_${an(36)}`,
  'netlify-token': () => `nfp_${an(36)}`,
  'pulumi-token': () => `pul-${hex(40)}`,
  'readme-api-key': () => `rdme_${lowerDigits(70)}`,
  'replicate-token': () => `r8_${an(37)}`,
  'rubygems-api-key': () => `rubygems_${hex(48)}`,
  'scalingo-token': () => `tk-us-${an(48)}`,
  'resend-api-key': () => `re_${an(8)}_${an(24)}`,
  'sendinblue-api-key': () => `xkeysib-${hex(64)}-${an(16)}`,
  'settlemint-token': () => `sm_pat_${an(16)}`,
  'shippo-token': () => `shippo_live_${hex(40)}`,
  'sonarqube-token': () => `squ_${hex(40)}`,
  'supabase-token': () => `sbp_${hex(40)}`,
  'transifex-token': () => `1/${hex(40)}`,
  'typeform-token': () => `tfp_${an(59)}`,
  'infura-api-key': () => hex(32),
  'alchemy-api-key': () => an(32),
  'nuget-api-key': () => `oy2${lowerDigits(43)}`,
  'hubspot-private-app-token': () => `pat-na1-${uuid()}`,
  'nats-nkey-seed': () => `SU${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 56)}`,
  'mailgun-private-api-key': () => `${hex(32)}-${hex(8)}-${hex(8)}`,
  'gemfury-token': () => an(20),
  'anaconda-token': () => `fa-${uuid()}`,
  'ghost-admin-api-key': () => `${hex(24)}:${hex(64)}`,
  'mapbox-secret-token': () =>
    `sk.${Buffer.from(`{"u":"${lowerDigits(8)}","a":"${lowerDigits(25)}"}`).toString('base64url')}.${an(22)}`,
  'twitter-bearer-token': () => `${'A'.repeat(22)}${an(12)}%2B${an(20)}%3D${an(50)}`,
  'xai-api-key': () => `xai-${an(80)}`,
  'wecom-webhook': () => uuid(),
  'feishu-webhook': () => uuid(),
  'mollie-api-key': () => `live_${an(30)}`,
  'okta-api-token': () => `00${an(40)}`,
  'terraform-cloud-token': () => `${an(14)}.atlasv1.${an(67)}`,
  'onesignal-api-key': () => `os_v2_app_${pick('abcdefghijklmnopqrstuvwxyz234567', 113)}`,
  'render-deploy-hook': () => `https://api.render.com/deploy/srv-${lowerDigits(20)}?key=${an(11)}`,
  'zapier-webhook': () => `https://hooks.zapier.com/hooks/catch/${pick('0123456789', 8)}/${lowerDigits(7)}/`,
  'teams-webhook': () =>
    `https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}`,
  'things-stack-api-key': () => `NNSXS.${upperDigits(39)}.${upperDigits(52)}`,
  'ifttt-webhook-key': () => an(22),
  'cloudflare-tunnel-token': () =>
    Buffer.from(`{"a":"${hex(32)}","t":"${uuid()}","s":"${Buffer.from(an(32)).toString('base64')}"}`).toString(
      'base64',
    ),
};

/**
 * Where the sample stands: unnamed, so only its format can tell (webhook, PagerDuty, Infura and Alchemy keys stand in their URL,
 * a Ghost key beside Ghost's name).
 */
const PLACES: Record<string, (secret: string) => string> = {
  'wecom-webhook': (s) => `notify_url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${s}"`,
  'feishu-webhook': (s) => `notify_url = "https://open.feishu.cn/open-apis/bot/v2/hook/${s}"`,
  'pagerduty-integration-key': (s) => `url = "https://events.pagerduty.com/integration/${s}/enqueue"`,
  'infura-api-key': (s) => `rpc = "https://mainnet.infura.io/v3/${s}"`,
  'alchemy-api-key': (s) => `url: "https://eth-mainnet.g.alchemy.com/v2/${s}",`,
  'gemfury-token': (s) => `source "https://${s}@gem.fury.io/acme-internal/" do`,
  'nats-nkey-seed': (s) => `nkey_seed = "${s}"`,
  'mailgun-private-api-key': (s) => `'secret' => env('MAILGUN_SECRET', '${s}'),`,
  'confluent-api-key': (s) => `conf = {"sasl.mechanisms": "PLAIN", "sasl.username": "${s}"}`,
  'anaconda-token': (s) => `  - https://conda.anaconda.org/t/${s}/acme`,
  'ghost-admin-api-key': (s) => `ghost = GhostAdminAPI(url=url, key="${s}")`,
  'resend-api-key': (s) => `resend = Resend("${s}")`,
  'okta-api-token': (s) => `okta_headers = {"Accept": "application/json", "Authorization": "SSWS ${s}"}`,
  'ifttt-webhook-key': (s) => `url: "https://maker.ifttt.com/trigger/doorbell_pressed/with/key/${s}"`,
};
const line = (id: string, secret: string): string => PLACES[id]?.(secret) ?? `value = "${secret}"`;

describe('scanner: vendor tokens', () => {
  it('has a sample for every vendor rule', () => {
    assert.deepEqual(
      VENDOR_TOKENS.map((t) => t.id).filter((id) => !SAMPLES[id]),
      [],
    );
  });

  for (const rule of VENDOR_TOKENS) {
    it(`finds a ${rule.vendor} ${rule.what} by its format alone (${rule.id})`, () => {
      const secret = SAMPLES[rule.id]();
      const text = line(rule.id, secret);
      const findings = scanText(text, { path: 'src/settings.py' }).findings;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
        [[rule.id, secret]],
      );
      assert.notEqual(kindName(findings[0].kind), '', 'the kind has a name');
    });
  }

  it('stays silent on words and identifiers that share a prefix', () => {
    const text = [
      'const pattern = /^pathname.+$/; // patch the path',
      'icons: ["ico-arrow-left", "ico-arrow-right-circle-outline-large"]',
      'locale = "en-us"; region = "us-east-1"',
      'docs = "API-REFERENCE-DOCUMENTATION-SECTIONS"',
      `padding = "${'A'.repeat(60)}"`,
      'git = "sha256~ is how OpenShift tokens start"',
      `placeholder = "pul-${'x'.repeat(40)}"`,
      'hook = "https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"',
    ].join('\n');
    const findings = scanText(text, { path: 'src/settings.py' }).findings;
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`),
      [],
    );
  });
});
