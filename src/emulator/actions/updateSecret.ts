/** UpdateSecret: Description, and `ExtendedConfig.CustomData` (a JSON object merged into the managed secret's ExtendedConfig). */
import { errors } from '../errors';
import { isManaged } from '../model';
import { kmsAction } from './context';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const updateSecret = kmsAction(true, ({ params, store, nowMs }) => {
  const secret = store.requireActive(params.required('SecretName'));
  const description = params.optional('Description');
  const customData = params.json('ExtendedConfig.CustomData', isObject);
  if (description !== undefined) {
    if (description.length > 256) throw errors.invalidParameter('Description');
    secret.description = description;
  }
  if (customData !== undefined) {
    if (!isManaged(secret.type))
      throw errors.invalidParameter('ExtendedConfig.CustomData', 'applies only to managed secrets');
    const config =
      secret.extendedConfig === undefined ? {} : (JSON.parse(secret.extendedConfig) as Record<string, unknown>);
    secret.extendedConfig = JSON.stringify({ ...config, CustomData: customData });
  }
  secret.updateTime = nowMs;
  return { SecretName: secret.name };
});
