// Preloaded (NODE_OPTIONS=--require) into a process that must not reach the network: every attempt at
// a TCP connection or a DNS lookup is written to NO_NETWORK_LOG and refused. Local pipes (tsx talks to
// its child over one) stay allowed.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

function refuse(what) {
  if (process.env.NO_NETWORK_LOG) fs.appendFileSync(process.env.NO_NETWORK_LOG, `${what}\n`);
  throw new Error(`no network in this test: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const isPipe = typeof first === 'string' || (first && typeof first === 'object' && typeof first.path === 'string');
  if (!isPipe) refuse(`connect ${JSON.stringify(first && typeof first === 'object' ? { host: first.host, port: first.port } : first)}`);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = (host) => refuse(`dns ${name} ${host}`);
  dns.promises[name] = async (host) => refuse(`dns ${name} ${host}`);
}
