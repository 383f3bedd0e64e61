// The typed client: one function for every action in src/contract. On weapp it calls the `api`
// cloud function; on h5 it posts to the local host, which runs the same dispatch.
import { inputSchema, reasonRequiredPrompt, reasonSchema, ERROR_MESSAGES, fail, type ActionInput, type ActionName, type ActionResult, type Result } from '../../contract';
import { send } from './transport';

export { API_PATH, SIGNIN_PATH, NETWORK_MESSAGE, browser, isH5, isCode } from './transport';

export async function call<A extends ActionName>(action: A, data: ActionInput<A>): Promise<Result<ActionResult<A>>> {
  // The same schema the server parses with: a malformed request never leaves the phone.
  const parsed = inputSchema(action).safeParse(data);
  if (!parsed.success) {
    return fail(
      'BAD_INPUT',
      undefined,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: ERROR_MESSAGES.BAD_INPUT })),
    );
  }
  // A blank required reason is refused as the server refuses it: REASON_REQUIRED with its command's prompt.
  const reason = reasonSchema(action)?.safeParse(data);
  if (reason && !reason.success) return fail('REASON_REQUIRED', reasonRequiredPrompt(reason.error.issues) ?? undefined);
  return send(action, data);
}
