/** Checks the console makes before asking the server; the server checks again. */

export function checkCode(code: string): string | undefined {
  const digits = code.replace(/\s/g, '');
  if (!digits) return 'Enter the 6-digit code from your authenticator app.';
  if (!/^\d{6}$/.test(digits)) return 'The code is 6 digits, for example 123456.';
  return undefined;
}

export const MIN_PASSWORD = 12;

export function checkNewPassword(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  const lower = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (address && (lower === address || lower === address.split('@')[0])) return 'Do not use your e-mail address as the password.';
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}
