/**
 * Tests answer confirmation modals through command arguments (`{ confirmed: true }`). Only an extension host started by
 * the project's own test harness, which puts this variable into the host's environment, honours such an answer: any
 * other caller of the command, including another extension, still meets the modal.
 */
export const TEST_HOST_VARIABLE = 'KMS_SECRETS_TEST_HOST';

export function scriptedConsentAllowed(): boolean {
  return process.env[TEST_HOST_VARIABLE] === '1';
}
