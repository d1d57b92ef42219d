import { useMemo, useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import { useI18n } from '../i18n';
import { useCountries } from '../lib/countries';
import { countColor } from '../ui/palette';

const WIDTH = 960;
const HEIGHT = 470;

interface Shape { id: string; name: string; d: string }

let shapes: Shape[] | null = null;
/** The country outlines as SVG paths, projected once (the geometry never changes). */
function worldShapes(): Shape[] {
  if (shapes) return shapes;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = fc.features.filter((f) => f.id !== '010'); // Antarctica: no defence diplomacy, much ink.
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'FeatureCollection', features } as FeatureCollection);
  const path = geoPath(projection);
  shapes = features.map((f: Feature<Geometry, { name: string }>) => ({ id: String(f.id ?? ''), name: f.properties.name, d: path(f) ?? '' }));
  return shapes;
}

export interface WorldMapProps {
  /** Events per alpha-3 code. */
  counts: Map<string, number>;
  selected?: string;
  partner?: string;
  onPick: (code: string) => void;
}

/**
 * A choropleth of event counts. Clicking a country picks it (as partner on
 * the overview). Small states missing from the 1:110m atlas are listed beside it.
 */
export function WorldMap({ counts, selected, partner, onPick }: WorldMapProps) {
  const { t, num } = useI18n();
  const countries = useCountries();
  const [hover, setHover] = useState<{ name: string; count: number } | null>(null);
  const byNumeric = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of countries.list) if (c.numeric) m.set(c.numeric.padStart(3, '0'), c.code);
    return m;
  }, [countries.list]);
  const max = Math.max(0, ...counts.values());
  const all = worldShapes();
  return (
    <div class="world-map" data-testid="world-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('overview.mapHint')}>
        <rect class="sea" x="0" y="0" width={WIDTH} height={HEIGHT} rx="6" />
        {all.map((s) => {
          const code = byNumeric.get(s.id);
          const count = code ? counts.get(code) ?? 0 : 0;
          const isSelected = Boolean(code) && code === selected;
          const cls = isSelected ? 'country selected' : code && code === partner ? 'country partner' : 'country';
          const name = code ? countries.name(code) : s.name;
          return (
            <path
              key={s.id || s.name}
              d={s.d}
              class={cls}
              data-code={code ?? ''}
              fill={isSelected ? undefined : countColor(count, max)}
              onClick={() => code && !isSelected && onPick(code)}
              onMouseEnter={() => setHover({ name, count })}
              onMouseLeave={() => setHover(null)}
            >
              <title>{`${name}: ${count}`}</title>
            </path>
          );
        })}
      </svg>
      <div class="map-foot">
        <span class="map-hover" aria-live="polite">{hover ? `${hover.name}: ${num(hover.count)}` : t('overview.mapHint')}</span>
        <span class="map-legend">
          <span class="legend-item"><span class="swatch" style={{ background: countColor(0, 1) }} />{t('overview.mapLegendNone')}</span>
          <span class="legend-ramp" style={{ background: `linear-gradient(90deg, ${countColor(1, max || 1)}, ${countColor(max || 1, max || 1)})` }} />
          <span class="legend-max">{num(max)}</span>
          {selected && <span class="legend-item"><span class="swatch swatch-selected" />{t('overview.mapSelected')}</span>}
          {partner && <span class="legend-item"><span class="swatch swatch-partner" />{t('overview.mapPartner')}</span>}
        </span>
      </div>
    </div>
  );
}

/** Numeric codes that have a shape on the map (to tell which partners are too small for it). */
export function mappedNumerics(): Set<string> {
  return new Set(worldShapes().map((s) => s.id));
}
