import Foundation
import LoaCore

/// A notice's timeline as an inline SVG line chart: residents accepted, delivered, opened and
/// acknowledged over time, against the number targeted.
struct TimelineChart {
    let text: DashboardText
    let zone: TimeZone

    func render(_ timeline: Timeline, targeted: Int) -> String {
        let width = 640.0, height = 220.0, left = 50.0, bottom = 30.0
        let count = timeline.accepted.count
        let top = Double(max(targeted, 1))
        func points(_ series: [Int]) -> String {
            series.enumerated().map { index, value in
                let x = left + (width - left - 10) * Double(index + 1) / Double(max(count, 1))
                let y = (height - bottom) - (height - bottom - 10) * Double(value) / top
                return String(format: "%.1f,%.1f", x, y)
            }.joined(separator: " ")
        }
        let series: [(String, [Int], String)] = [
            (text["delivered"], timeline.delivered, "#1f77b4"), (text["opened"], timeline.opened, "#ff7f0e"),
            (text["acknowledged"], timeline.acknowledged, "#0a6b2d"),
        ]
        let end = timeline.start.addingTimeInterval(timeline.bucket * Double(count))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height) + 20)" font-family="sans-serif" font-size="12" role="img" aria-label="\(HTML.escape(text["timeline"]))">
            <line x1="\(left)" y1="\(height - bottom)" x2="\(width - 10)" y2="\(height - bottom)" stroke="#999"/>
            <line x1="\(left)" y1="10" x2="\(left)" y2="\(height - bottom)" stroke="#999"/>
            <text x="\(left - 6)" y="16" text-anchor="end">\(targeted)</text><text x="\(left - 6)" y="\(height - bottom)" text-anchor="end">0</text>
            <text x="\(left)" y="\(height - 12)">\(TimeText.short(timeline.start, in: zone))</text>
            <text x="\(width - 10)" y="\(height - 12)" text-anchor="end">\(TimeText.short(end, in: zone))</text>

            """
        for (index, (label, values, color)) in series.enumerated() {
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points(values))\"/>\n"
            svg += "<rect x=\"\(Int(left) + 10 + index * 150)\" y=\"\(Int(height))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
                + "<text x=\"\(Int(left) + 26 + index * 150)\" y=\"\(Int(height) + 11)\">\(HTML.escape(label)) \(values.last ?? 0)</text>\n"
        }
        return svg + "</svg>"
    }
}
