/**
 * KMS / POP-gateway error codes the emulator returns, with the HTTP status the real service pairs them with (kms-api.md
 * §1.5).
 * Messages never contain request values: a SecretData or token must not come back in an error body or a log line.
 */
export class KmsError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly recommend = '',
  ) {
    super(message);
    this.name = 'KmsError';
  }
}

export const errors = {
  missingParameter: (name: string) =>
    new KmsError('MissingParameter', 400, `The parameter "${name}" is needed but not provided.`),
  invalidParameter: (name: string, why = 'is not valid') =>
    new KmsError('InvalidParameter', 400, `The specified parameter "${name}" ${why}.`),
  signatureDoesNotMatch: () =>
    // The real gateway appends its string-to-sign; that string holds every query value (SecretData too), so it is left
    // out.
    new KmsError('SignatureDoesNotMatch', 400, 'Specified signature is not matched with our calculation.'),
  accessKeyNotFound: () => new KmsError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  timestampFormat: () =>
    new KmsError('InvalidTimeStamp.Format', 400, 'Specified time stamp or date value is not well formatted.'),
  timestampExpired: () =>
    new KmsError('InvalidTimeStamp.Expired', 400, 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new KmsError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  missingSecurityToken: () => new KmsError('MissingSecurityToken', 400, 'SecurityToken is mandatory for this action.'),
  tokenMismatch: () =>
    new KmsError(
      'InvalidSecurityToken.MismatchWithAccessKey',
      400,
      'Specified SecurityToken mismatch with the AccessKey.',
    ),
  tokenMalformed: () => new KmsError('InvalidSecurityToken.Malformed', 400, 'Specified SecurityToken is malformed.'),
  tokenExpired: () => new KmsError('InvalidSecurityToken.Expired', 400, 'Specified SecurityToken is expired.'),
  unsupportedSignatureMethod: () =>
    new KmsError('IncompleteSignature', 400, 'The request signature does not conform to Alibaba Cloud standards.'),
  actionNotFound: () =>
    new KmsError('InvalidAction.NotFound', 404, 'Specified api is not found, please check your url and method.'),
  invalidVersion: () => new KmsError('InvalidVersion', 400, 'Specified parameter Version is not valid.'),
  unsupportedMethod: () => new KmsError('UnsupportedHTTPMethod', 403, 'This http method is not supported.'),
  parseFailure: () =>
    new KmsError(
      'ParseRequestParameterException',
      400,
      'Server parse parameters exception. Please check the request parameters.',
    ),
  // INFERRED: the gateway's code for an oversized request is not documented.
  bodyTooLarge: (max: number) =>
    new KmsError('RequestEntityTooLarge', 413, `The request body is larger than ${max} bytes.`),
  notFound: () => new KmsError('Forbidden.ResourceNotFound', 404, 'The resource is not found.'),
  exists: () => new KmsError('Rejected.ResourceExist', 409, 'The resource already exists.'),
  // INFERRED: the code for reading/changing a secret that is pending deletion is documented only for
  // Create/DeleteSecret.
  inDeleteWindow: () => new KmsError('Rejected.ResourceInDeleteWindow', 409, 'The secret is planned to be deleted.'),
  limitExceeded: (what: string) => new KmsError('Rejected.LimitExceeded', 400, `The ${what} quota is exceeded.`),
  // INFERRED: the real code for managed-only / generic-only actions on the wrong secret type is not documented.
  unsupportedOperation: (why: string) =>
    new KmsError('UnsupportedOperation', 409, `This action is not supported: ${why}.`),
  throttled: () => new KmsError('Rejected.Throttling', 429, 'QPS Limit Exceeded'),
  unavailable: () => new KmsError('ServiceUnavailableTemporary', 503, 'Service Unavailable Temporary.'),
  internal: () => new KmsError('InternalFailure', 500, 'Internal Failure.'),
};

/** The superset error body of kms-api.md §1.5: KMS's `HttpStatus` plus the POP gateway's `HostId`/`Recommend`. */
export function errorBody(error: KmsError, requestId: string, hostId: string): Record<string, unknown> {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: error.recommend || `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}`,
    HttpStatus: error.httpStatus,
  };
}
