import pino, { type Logger } from 'pino';

/** Structured JSON logs. Authorization headers, keys and passwords are never written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'deploy-securely-bot' },
    redact: {
      paths: [
        '*.authorization',
        '*.Authorization',
        '*.headers.authorization',
        '*.key',
        '*.password',
        '*.appPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}
