// An SMTP relay for benchmarks that accepts every mail and keeps none: the server's sends go
// somewhere real (nodemailer builds and streams the whole MIME message) at no cost to the bench's
// own event loop, since it runs as a process of its own. PORT=<port> node bench/smtp-sink.ts
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.PORT);
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 100 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => callback());
  },
});
sink.listen(port, '127.0.0.1', () => console.log(`smtp sink listening on ${port}`));
process.on('SIGTERM', () => sink.close(() => process.exit(0)));
