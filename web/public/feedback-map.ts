import 'leaflet/dist/leaflet.css';
import L from 'leaflet';

// The report map, its own lazy chunk: loaded only when the citizen opens it. The tile server is a setting
// (FEEDBACK_TILE_URL); with none, or none reachable, the pin still works on a blank map.

export function openMap(
  box: HTMLElement,
  tileUrl: string,
  start: [number, number] | null,
  onPick: (lat: number, lng: number) => void,
  /** Called once when the tiles cannot be loaded (offline, blocked): the form says to write the address. */
  onTilesFailed?: () => void,
): void {
  const centre: [number, number] = start ?? [21.3, 105.6];
  const map = L.map(box).setView(centre, start ? 16 : 11);
  if (tileUrl) {
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19, attribution: '© OpenStreetMap' }).addTo(map);
    let told = false;
    tiles.on('tileerror', () => {
      if (told) return;
      told = true;
      onTilesFailed?.();
    });
  }
  const marker = L.circleMarker(centre, { radius: 10 }).addTo(map);
  map.on('click', (e: L.LeafletMouseEvent) => {
    marker.setLatLng(e.latlng);
    onPick(e.latlng.lat, e.latlng.lng);
  });
}

export type MapReport = {
  code: string;
  title: string;
  statusText: string;
  /** The dot's colour, by status (the list's legend says which). */
  colour: string;
  lat: number;
  lng: number;
};

/**
 * The public list's map: one dot per listed report that has a location, coloured by status, each opening the
 * report. `update` redraws it when the list is filtered or grows.
 */
export function reportsMap(
  box: HTMLElement,
  tileUrl: string,
  linkText: string,
  onTilesFailed?: () => void,
): { update(reports: MapReport[]): void } {
  const map = L.map(box).setView([21.3, 105.6], 9);
  if (tileUrl) {
    const tiles = L.tileLayer(tileUrl, { maxZoom: 19, attribution: '© OpenStreetMap' }).addTo(map);
    tiles.once('tileerror', () => onTilesFailed?.());
  }
  const layer = L.layerGroup().addTo(map);
  return {
    update(reports) {
      layer.clearLayers();
      for (const r of reports) {
        // Built as elements, not HTML: titles are citizens' text.
        const popup = document.createElement('div');
        const title = document.createElement('strong');
        title.textContent = r.title;
        const link = document.createElement('a');
        link.href = `/?feedback=follow&code=${encodeURIComponent(r.code)}`;
        link.textContent = linkText;
        popup.append(title, document.createElement('br'), r.statusText, document.createElement('br'), link);
        L.circleMarker([r.lat, r.lng], {
          radius: 8,
          color: r.colour,
          fillOpacity: 0.7,
        })
          .bindPopup(popup)
          .addTo(layer);
      }
      if (reports.length) map.fitBounds(L.latLngBounds(reports.map((r) => [r.lat, r.lng])), { maxZoom: 15 });
    },
  };
}
