/**
 * What a password must be (issue 11): at least 10 characters, not the username, not one of the
 * 1,000 most common passwords. The list ships with the code (common-passwords.json): the first
 * 1,000 entries, most common first, of the password list of @zxcvbn-ts/language-common 4.1.3 (MIT;
 * itself from Xato's ten million leaked passwords). Compared ignoring case and surrounding spaces.
 */
import commonPasswords from './common-passwords.json' with { type: 'json' };

export const PASSWORD_MIN_LENGTH = 10;
/** scrypt takes any length; a bound keeps a request cheap. */
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'SAME_AS_USERNAME' | 'TOO_COMMON';

const COMMON = new Set((commonPasswords as string[]).map((p) => p.toLowerCase()));

/** Length as a person counts it: characters, not UTF-16 units. */
const lengthOf = (text: string) => [...text].length;

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = lengthOf(password);
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const folded = password.trim().normalize('NFKC').toLowerCase();
  if (folded === username.trim().normalize('NFKC').toLowerCase()) return 'SAME_AS_USERNAME';
  if (COMMON.has(folded)) return 'TOO_COMMON';
  return null;
}

export const COMMON_PASSWORD_COUNT = COMMON.size;
