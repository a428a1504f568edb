import { Secret, TOTP } from 'otpauth';

/** RFC 6238 time-based one-time passwords (the codes of authenticator apps), through otpauth. */
function totpOf(secretBase32: string, label = 'unfree'): TOTP {
  return new TOTP({
    issuer: 'unfree',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (shown once, as text or a QR code). */
export function totpUri(secretBase32: string, label: string): string {
  return totpOf(secretBase32, label).toString();
}

/** Accepts the current code and the one either side of it (clock drift of ±30 s). */
export function verifyTotp(secretBase32: string, code: string, at: Date = new Date()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpOf(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}
