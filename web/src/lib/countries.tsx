import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import type { CountryInfo } from '../api/types';

/**
 * Country names and ISO numeric codes (for the map), loaded once from
 * /api/countries?counts=false (no counting, so it is cheap on a big database). Names come from the API in English; a code stands in for a
 * name not loaded yet.
 */

export interface Countries {
  list: CountryInfo[];
  byCode: Map<string, CountryInfo>;
  name: (code: string | null | undefined) => string;
  loaded: boolean;
  error: Error | null;
}

const empty: Countries = { list: [], byCode: new Map(), name: (c) => c ?? '', loaded: false, error: null };
const CountriesContext = createContext<Countries>(empty);

export function CountriesProvider({ children }: { children: ComponentChildren }) {
  const { data, error } = useApi('countries', (signal) => api.countries(signal));
  const value = useMemo<Countries>(() => {
    if (!data) return { ...empty, error };
    const byCode = new Map(data.countries.map((c) => [c.code, c]));
    return { list: data.countries, byCode, name: (c) => (c ? byCode.get(c)?.name ?? c : ''), loaded: true, error: null };
  }, [data, error]);
  return <CountriesContext.Provider value={value}>{children}</CountriesContext.Provider>;
}

export const useCountries = () => useContext(CountriesContext);
