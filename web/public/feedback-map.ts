import 'leaflet/dist/leaflet.css';
import L from 'leaflet';

// The report map, its own lazy chunk: loaded only when the citizen opens it. The tile server is a setting
// (FEEDBACK_TILE_URL); with none, or none reachable, the pin still works on a blank map.

export function openMap(
  box: HTMLElement,
  tileUrl: string,
  start: [number, number] | null,
  onPick: (lat: number, lng: number) => void,
): void {
  const centre: [number, number] = start ?? [21.3, 105.6];
  const map = L.map(box).setView(centre, start ? 16 : 11);
  if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19, attribution: '© OpenStreetMap' }).addTo(map);
  const marker = L.circleMarker(centre, { radius: 10 }).addTo(map);
  map.on('click', (e: L.LeafletMouseEvent) => {
    marker.setLatLng(e.latlng);
    onPick(e.latlng.lat, e.latlng.lng);
  });
}
