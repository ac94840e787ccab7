// RequestMeta for server actions and server components, from the incoming request's headers.
import { headers } from 'next/headers';

import type { RequestMeta } from './account-context';
import { requestMeta } from './request-meta';

export async function actionMeta(): Promise<RequestMeta> {
  return requestMeta(await headers());
}
