// Stands in for xml2js in the bundles: @alicloud/rpc-util loads it for `parseXml` and `getErrMessage`, which only
// XML-format APIs call. The KMS and ActionTrail clients speak JSON, so no bundled code reaches it; if something ever
// does, it fails with a clear error rather than carrying xml2js and sax (~30 KB) in the VSIX.
class Parser {
  parseString(_body, callback) {
    callback(new Error('XML responses are not supported: the KMS Secrets clients request JSON.'));
  }
}
module.exports = { Parser };
