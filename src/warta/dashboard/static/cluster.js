// Places near each other on the screen drawn as one marker: the heaviest place's name and how many
// others it stands for ("Jakarta +3"). Clustered again at every zoom, so zooming in splits them.

/** Greedy clustering in pixels: places, heaviest first, join the first cluster whose marker
 * (its heaviest place) lies within `radius` pixels, else start their own. `toPixel(place)` gives
 * [x, y]. Returns clusters heaviest first: {top, members, weight}, `top` the heaviest member. */
export function clusterPlaces(places, toPixel, radius) {
  const clusters = [];
  const sorted = [...places].sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  for (const place of sorted) {
    const [x, y] = toPixel(place);
    const near = clusters.find((c) => Math.hypot(c.x - x, c.y - y) <= radius);
    if (near) {
      near.members.push(place);
      near.weight += place.weight;
    } else {
      clusters.push({ x, y, top: place, members: [place], weight: place.weight });
    }
  }
  return clusters.map(({ top, members, weight }) => ({ top, members, weight }));
}

/** A cluster's label: the heaviest place's name, and the count of the others when there are any. */
export function clusterLabel(cluster) {
  const others = cluster.members.length - 1;
  return others ? `${cluster.top.name} +${others}` : cluster.top.name;
}
