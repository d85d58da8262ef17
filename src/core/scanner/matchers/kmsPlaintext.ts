/**
 * Terraform's KMS ciphertext resources encrypt at plan time what their `plaintext` holds, so a literal there is in the
 * source and in the state (`resource "alicloud_kms_ciphertext"`, `"aws_kms_ciphertext"`,
 * `"google_kms_secret_ciphertext"`): it is judged as a secret named for the resource. The attribute is looked for in
 * the block, up to BLOCK_REACH lines below its opening (within the edit context of incremental.ts).
 */
import { addNamedValue } from './assignments';
import type { Add, Window } from './context';

const RESOURCE =
  /^\s*resource\s+"(?:alicloud_kms_ciphertext|aws_kms_ciphertext|google_kms_secret_ciphertext)"\s+"([\w-]{1,80})"/;
const PLAINTEXT = /^(\s*plaintext\s*=\s*")([^"\\\n$]{1,1000})"/;
const BLOCK_REACH = 20;

export function scanKmsPlaintext({ text, lines, lineStarts }: Window, add: Add): void {
  if (!text.includes('kms_') || !text.includes('plaintext')) return;
  for (let index = 0; index < lines.length; index++) {
    const resource = RESOURCE.exec(lines[index]);
    if (!resource) continue;
    for (let j = index + 1; j <= Math.min(lines.length - 1, index + BLOCK_REACH); j++) {
      if (/^\}/.test(lines[j])) break; // the block closes
      const plaintext = PLAINTEXT.exec(lines[j]);
      if (plaintext)
        addNamedValue(`${resource[1]}_secret`, plaintext[2], lineStarts[j] + plaintext[1].length, 'code', add);
    }
  }
}
