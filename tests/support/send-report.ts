import { connect } from 'node:net';

/**
 * Sends `raw` (a whole message, headers and body) over plain SMTP to `port` on loopback, from the
 * null sender as a remote MTA sends a delivery report. Resolves once the server accepted the DATA.
 */
export function sendReport(port: number, to: string, raw: string): Promise<void> {
  // RFC 5321 §4.5.2: a line that starts with a dot gets another one; lines end in CRLF.
  const data = raw
    .replace(/\r?\n/g, '\r\n')
    .replace(/^\./gm, '..')
    .replace(/(\r\n)?$/, '\r\n');
  const steps = ['EHLO e2e.test', 'MAIL FROM:<>', `RCPT TO:<${to}>`, 'DATA', `${data}.`, 'QUIT'];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    let step = -1; // -1: waiting for the greeting
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply is complete at a line "NNN text" (a dash after the code continues it).
      for (let end = buffer.search(/^\d{3} .*\r\n/m); end !== -1; end = buffer.search(/^\d{3} .*\r\n/m)) {
        const line = /^(\d{3}) .*\r\n/m.exec(buffer.slice(end))!;
        buffer = buffer.slice(end + line[0].length);
        const code = Number(line[1]);
        if (code >= 400) {
          socket.destroy();
          return reject(new Error(`SMTP ${steps[step] ?? 'greeting'}: ${line[0].trim()}`));
        }
        step++;
        if (step === steps.length) {
          socket.end();
          return resolve();
        }
        socket.write(`${steps[step]}\r\n`);
      }
    });
  });
}
