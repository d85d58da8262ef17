/**
 * STS AssumeRole (Version 2015-04-01) on the same server, so RamRoleArn credential flows can be tested. The issued STS
 * key pair is added to the credential table with its token and expiry, so KMS calls made with it are verified like real
 * ones.
 * The credentials library calls STS over https only: serve with `tls` for it to connect.
 */
import { randomBytes } from 'node:crypto';
import { errors } from '../errors';
import { formatTime } from '../time';
import { ActionHandler } from './context';

const ROLE_ARN = /^acs:ram::(\d+):role\/([A-Za-z0-9._-]{1,64})$/;

export const assumeRole: ActionHandler = {
  version: '2015-04-01',
  mutates: false,
  run: ({ params, nowMs, credentials }) => {
    const roleArn = params.required('RoleArn');
    const match = ROLE_ARN.exec(roleArn);
    if (!match) throw errors.invalidParameter('RoleArn');
    const session = params.required('RoleSessionName');
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(session)) throw errors.invalidParameter('RoleSessionName');
    const duration = params.int('DurationSeconds', { min: 900, max: 43200, fallback: 3600 });
    const expiration = new Date(nowMs + duration * 1000);
    const credential = {
      accessKeyId: `STS.emu${randomBytes(12).toString('hex')}`,
      accessKeySecret: randomBytes(24).toString('base64url'),
      securityToken: `CAIS.emulator.${randomBytes(32).toString('base64url')}`,
      expiration,
    };
    credentials.add(credential);
    const roleId = `3${randomBytes(8).toString('hex').slice(0, 15)}`;
    return {
      AssumedRoleUser: {
        Arn: `acs:ram::${match[1]}:role/${match[2]}/${session}`,
        AssumedRoleId: `${roleId}:${session}`,
      },
      Credentials: {
        AccessKeyId: credential.accessKeyId,
        AccessKeySecret: credential.accessKeySecret,
        SecurityToken: credential.securityToken,
        Expiration: formatTime(expiration.getTime()),
      },
    };
  },
};
