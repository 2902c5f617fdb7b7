/**
 * Password hashes with node:crypto scrypt: a random salt per password, the cost stored with the
 * hash, compared in constant time. The cost is one of OWASP's recommended scrypt settings
 * (Password Storage Cheat Sheet: N=2^14, r=8, p=5 — the work of N=2^17, p=1 in 16 MiB instead of
 * 128 MiB, so that four logins at once stay small in memory); a hash of a lower cost is replaced at
 * the user's next login (`needsRehash`).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

interface Cost {
  N: number;
  r: number;
  p: number;
}

export const COST: Readonly<Cost> = { N: 16384, r: 8, p: 5 };
const KEY_LENGTH = 32;
/** A stored cost above this is refused rather than computed (a tampered row must not cost the server gigabytes). */
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { cost: Cost; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || ![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return null;
  if (128 * cost.N * cost.r > MAX_MEMORY || cost.p > 16) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** The hash was made at another cost than today's: make it again while the password is at hand. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return parsed !== null && (parsed.cost.N !== COST.N || parsed.cost.r !== COST.r || parsed.cost.p !== COST.p);
}

/**
 * A hash no password matches, verified against when the username is unknown, so that a wrong
 * username takes as long as a wrong password (no user enumeration by timing).
 */
export const UNUSABLE_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
