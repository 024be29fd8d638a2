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
