/// Places the labels of reference lines where they cover no data and no other label.
///
/// A horizontal line's label is tried at the right end, the left end, then at nine positions
/// between, each above and then below the line; a vertical line's label right and then left of
/// the line, from the top down. The first free spot wins; if none is free, the first candidate
/// is used on a light box that keeps it legible.
enum ReferenceLabels {
  static func draw(
    _ lines: [ReferenceLine], x: ResolvedAxis?, y: ResolvedAxis, area: PixelRect,
    data: [ProjectedSeries], into document: inout SVGDocument
  ) {
    let size = PlotText.noteSize
    var placed: [PixelRect] = []
    for line in lines where !line.label.isEmpty {
      let width = PlotText.width(line.label, size: size)
      var candidates: [(x: Double, baseline: Double)] = []
      switch line.orientation {
      case .horizontal:
        guard let py = y.position(line.value), py >= area.top, py <= area.bottom else { continue }
        var starts = [area.right - 6 - width, area.left + 6]
        for step in 1..<10 {
          starts.append(area.left + 6 + Double(step) / 10 * (area.width - 12 - width))
        }
        for start in starts {
          candidates.append((start, py - 5))
          candidates.append((start, py + size + 3))
        }
      case .vertical:
        guard let x, let px = x.position(line.value), px >= area.left, px <= area.right else {
          continue
        }
        var baseline = area.top + size + 6
        while baseline < area.bottom - 4 {
          candidates.append((px + 5, baseline))
          candidates.append((px - 5 - width, baseline))
          baseline += size * 1.6
        }
      }
      let boxes = candidates.map { candidate in
        PixelRect(
          left: candidate.x - 2, top: candidate.baseline - size, right: candidate.x + width + 2,
          bottom: candidate.baseline + 3)
      }
      let inside = boxes.indices.filter { index in
        let box = boxes[index]
        return box.left >= area.left && box.right <= area.right && box.top >= area.top
          && box.bottom <= area.bottom
      }
      let free = inside.first { index in
        let box = boxes[index]
        return !data.contains { $0.touches(box, markerRadius: 4) }
          && !placed.contains { other in
            other.left < box.right && box.left < other.right && other.top < box.bottom
              && box.top < other.bottom
          }
      }
      guard let chosen = free ?? inside.first ?? boxes.indices.first else { continue }
      placed.append(boxes[chosen])
      if free == nil {
        // Covering data either way: a light box keeps the label readable over bars and lines.
        let box = boxes[chosen]
        document.rect(
          x: box.left - 2, y: box.top - 1, width: box.width + 4, height: box.height + 2,
          fill: "#ffffff",
          extra: [
            ("fill-opacity", "0.85"), ("stroke", line.color),
            ("stroke-width", "0.75"),
          ])
      }
      document.text(
        line.label, x: candidates[chosen].x, y: candidates[chosen].baseline, size: size,
        fill: line.color, halo: true)
    }
  }
}
