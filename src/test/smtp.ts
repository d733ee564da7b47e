import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it: the envelope's recipients and the raw message. */
export interface ReceivedMail {
  to: string[];
  data: string;
}

/**
 * A real SMTP listener on loopback: mail goes through nodemailer and the SMTP protocol, and
 * lands in `received`. Port 0 picks a free one; give the old port to bring a stopped server back.
 */
export async function listenSmtp(received: ReceivedMail[], port = 0): Promise<{ smtp: SMTPServer; port: number }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(port, '127.0.0.1', resolve);
  });
  return { smtp, port: (smtp.server.address() as AddressInfo).port };
}

export async function stopSmtp(smtp: SMTPServer): Promise<void> {
  await new Promise<void>((resolve) => smtp.close(resolve));
}

/** The Message-ID header of a received mail. */
export function messageIdOf(mail: ReceivedMail): string | undefined {
  return /^Message-ID: (.+)$/im.exec(mail.data)?.[1]?.trim();
}

/** The mail as a reader sees it: folded headers unfolded, quoted-printable soft breaks and escapes undone. */
export function readableMail(mail: ReceivedMail): string {
  const end = mail.data.indexOf('\r\n\r\n');
  const headers = mail.data.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const body = mail.data.slice(end).replace(/=\r?\n/g, '');
  const bytes = Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return `${headers}${bytes.toString('utf8')}`;
}
