import type { ComponentChildren } from 'preact';
import type { EventFields } from '../api/types';
import { useCountries } from '../lib/countries';
import { DateText, TypeBadge } from '../ui/badges';

/** An event's heading on its pages: type, date, the states taking part. */
export function EventHeading({ event, children }: { event: EventFields; children?: ComponentChildren }) {
  const countries = useCountries();
  return (
    <h1 class="event-title">
      <TypeBadge type={event.type} /> <DateText date={event.date} />{' '}
      <span class="event-countries">{event.countries.map((c) => countries.name(c)).join(' · ')}</span>
      {children}
    </h1>
  );
}
