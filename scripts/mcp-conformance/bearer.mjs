// Preloaded into the conformance suite (node --import): adds `Authorization: Bearer
// $ATELIER_MCP_TOKEN` to every HTTP request it makes, since it has no option for headers. Its own
// undici requests and Node's fetch (used by the MCP SDK client) both go through undici's global
// dispatcher, so one interceptor there covers both; the server keeps asking for its token.
import { Agent, setGlobalDispatcher } from 'undici';

const token = process.env.ATELIER_MCP_TOKEN;

function withAuthorization(headers) {
  const value = `Bearer ${token}`;
  if (headers == null) return { authorization: value };
  if (Array.isArray(headers)) {
    // Either [[name, value], ...] or [name, value, name, value, ...].
    return Array.isArray(headers[0])
      ? [...headers, ['authorization', value]]
      : [...headers, 'authorization', value];
  }
  if (typeof headers[Symbol.iterator] === 'function') {
    return { ...Object.fromEntries(headers), authorization: value };
  }
  return { ...headers, authorization: value };
}

if (token) {
  setGlobalDispatcher(
    new Agent().compose(
      (dispatch) => (options, handler) =>
        dispatch({ ...options, headers: withAuthorization(options.headers) }, handler),
    ),
  );
}
