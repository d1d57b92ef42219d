import { useEffect, useState } from 'preact/hooks';

/**
 * The write token (the server's ATTACHE_TOKEN), entered once per browser tab.
 * It lives in sessionStorage only: never in the URL, never in localStorage.
 */

const KEY = 'attache.token';
const listeners = new Set<(t: string | null) => void>();

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the token is then only good for this page's life.
  }
  for (const l of listeners) l(token);
}

export function useToken(): [string | null, (t: string | null) => void] {
  const [token, set] = useState(getToken);
  useEffect(() => {
    listeners.add(set);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return [token, setToken];
}

const AUTHOR = 'attache.author';
export const getAuthor = () => {
  try {
    return localStorage.getItem(AUTHOR) ?? '';
  } catch {
    return '';
  }
};
export const setAuthor = (a: string) => {
  try {
    localStorage.setItem(AUTHOR, a);
  } catch {
    // Not remembered; fine.
  }
};
