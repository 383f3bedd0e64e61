// Sending a request and reading its answer, without the contract's input schemas: the launch call
// (./early) leaves from here before the page code, which carries zod and the schemas, has loaded.
import Taro from '@tarojs/taro';
import type { ActionName, ActionResult } from '../../contract/actions';
import { ERROR_CODES, ERROR_MESSAGES, fail, type ErrorCode, type Failure, type Result } from '../../contract/errors';

export const API_PATH = '/api/api';
export const SIGNIN_PATH = '/dev/signin';
export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

/** Browser-only side effects, kept in one object so tests can watch them. */
export const browser = {
  goToSignin(): void {
    window.location.assign(SIGNIN_PATH);
  },
};

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5';
}

/** One request as it stands (check it first: ./call): the `api` function's answer as a Result. */
export async function send<A extends ActionName>(action: A, data: unknown): Promise<Result<ActionResult<A>>> {
  let answer: unknown;
  try {
    answer = isH5() ? await postToHost(action, data) : await callCloud(action, data);
  } catch {
    return fail('INTERNAL', NETWORK_MESSAGE);
  }
  const result = asResult<ActionResult<A>>(answer);
  if (!result.ok && result.code === 'UNAUTHENTICATED' && isH5()) browser.goToSignin();
  return result;
}

async function callCloud(action: ActionName, data: unknown): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name: 'api', data: { action, data } });
  return (res as { result?: unknown }).result;
}

async function postToHost(action: ActionName, data: unknown): Promise<unknown> {
  const res = await Taro.request({
    url: API_PATH,
    method: 'POST',
    header: { 'Content-Type': 'application/json' },
    data: JSON.stringify({ action, data }),
    dataType: 'json',
    credentials: 'same-origin',
  });
  return typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
}

/** Anything that is not a well-formed Result (a crashed function, a proxy's HTML page) is INTERNAL. */
function asResult<T>(answer: unknown): Result<T> {
  if (answer && typeof answer === 'object' && 'ok' in answer) {
    const r = answer as Result<T>;
    if (r.ok === true) return r;
    if (r.ok === false && ERROR_CODES.includes(r.code)) {
      return { ...r, message: r.message || ERROR_MESSAGES[r.code] } as Failure;
    }
  }
  return fail('INTERNAL');
}

export function isCode(r: Result<unknown>, code: ErrorCode): boolean {
  return !r.ok && r.code === code;
}
